package dev.reliance.probe;

import ai.djl.ndarray.NDManager;
import dev.reliance.data.Dataset;
import dev.reliance.model.ProbedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Fast cumulative ablation for MLPs. The prefix up to the first analysed probe is computed
 * once per example (by DJL); the rest runs on unit-major blocks of examples in Java. Ablating
 * unit j of layer l changes the next pre-activation by the rank-one term
 * {@code W[:, j] * a * (r - x_j)}, so between two evaluated counts the next layer is updated
 * by a sum of rank-one terms instead of recomputed, and only the layers downstream of a
 * changed pre-activation are recomputed, once per evaluated count.
 */
public final class DenseAblation {
    static final int BLOCK = 512;

    private DenseAblation() {}

    public static AblationResult run(ProbedNetwork net, NDManager manager, AblationPlan plan, ActivationStats stats,
            Dataset data, int threads, LongConsumer examplesDone) {
        DenseStack stack = DenseStack.of(net);
        int first = plan.units().firstLayer();
        int layers = net.config().hiddenLayerCount();
        float[][] rep = new float[layers][];
        for (int l = 0; l < layers; l++) {
            rep[l] = plan.mode().replacement() == AblationMode.Replacement.MEAN ? stats.unitMeans(l)
                    : new float[net.config().layers().get(l).width()];
        }
        UnitRef[][] orders = new UnitRef[plan.orderings().size()][];
        for (int o = 0; o < orders.length; o++) {
            int[] ord = plan.orderings().get(o);
            orders[o] = new UnitRef[ord.length];
            for (int i = 0; i < ord.length; i++) orders[o][i] = plan.units().units().get(ord[i]);
        }
        AblationResult total = new AblationResult(orders.length, plan.counts().length, data.numClasses());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            for (int from = 0; from < data.size(); from += Prefix.CHUNK) {
                int to = Math.min(data.size(), from + Prefix.CHUNK);
                float[] h = Prefix.activations(net, manager, data, from, to, first);
                int units = stack.in(first + 1);
                int n = to - from;
                List<Future<AblationResult>> parts = new ArrayList<>();
                for (int b = from; b < to; b += BLOCK) {
                    int b0 = b - from;
                    int e = Math.min(BLOCK, to - b);
                    int[] labels = java.util.Arrays.copyOfRange(data.labels(), b, b + e);
                    parts.add(pool.submit(() -> new Block(stack, first, rep, (float) plan.mode().amount(),
                            Prefix.block(h, units, n, b0, e), labels, e, data.numClasses()).run(orders, plan.counts())));
                }
                for (Future<AblationResult> f : parts) total.merge(f.get()); // in block order: deterministic sums
                examplesDone.accept(to);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ablation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return total;
    }

    /** One block of examples walked through every ordering; owns all its buffers. */
    private static final class Block {
        private final DenseStack stack;
        private final int first;
        private final int hidden;
        private final float[][] rep;
        private final float amount;
        private final float[] h;
        private final int[] labels;
        private final int e;
        private final int k;
        private final float[][] z;      // z[s]: pre-activation of stage s (s > first), out(s) x e
        private final float[][] clean;  // z[s] of the intact network
        private final float[][] amounts; // per hidden layer, per unit: ablation amount (0 = intact)
        private final int[][] pending;  // units ablated since the last evaluation, per layer
        private final int[] pendingCount;
        private final float[] p;        // probe output buffer
        private final float[] d;        // rank-one coefficients buffer
        private long flops;

        Block(DenseStack stack, int first, float[][] rep, float amount, float[] h, int[] labels, int e, int k) {
            this.stack = stack;
            this.first = first;
            this.hidden = stack.stages() - 1;
            this.rep = rep;
            this.amount = amount;
            this.h = h;
            this.labels = labels;
            this.e = e;
            this.k = k;
            z = new float[stack.stages()][];
            clean = new float[stack.stages()][];
            amounts = new float[hidden][];
            pending = new int[hidden][];
            pendingCount = new int[hidden];
            int maxIn = 0;
            for (int l = 0; l < hidden; l++) {
                amounts[l] = new float[stack.out(l)];
                pending[l] = new int[stack.out(l)];
                maxIn = Math.max(maxIn, stack.out(l));
            }
            p = new float[maxIn * e];
            d = new float[maxIn * e];
            for (int s = first + 1; s < stack.stages(); s++) {
                z[s] = new float[stack.out(s) * e];
                recompute(s);
                clean[s] = z[s].clone();
            }
        }

        AblationResult run(UnitRef[][] orders, int[] counts) {
            AblationResult r = new AblationResult(orders.length, counts.length, k);
            for (int label : labels) r.addExample(label);
            for (int o = 0; o < orders.length; o++) {
                reset();
                int done = 0;
                for (int s = 0; s < counts.length; s++) {
                    for (; done < counts[s]; done++) {
                        UnitRef u = orders[o][done];
                        amounts[u.layer()][u.unit()] = amount;
                        pending[u.layer()][pendingCount[u.layer()]++] = u.unit();
                    }
                    evaluate();
                    record(r, o, s);
                }
            }
            r.addFlops(flops);
            return r;
        }

        private void reset() {
            for (int s = first + 1; s < stack.stages(); s++) System.arraycopy(clean[s], 0, z[s], 0, z[s].length);
            for (int l = 0; l < hidden; l++) {
                java.util.Arrays.fill(amounts[l], 0f);
                pendingCount[l] = 0;
            }
        }

        /** Brings every stage after the first analysed probe up to date with the ablations so far. */
        private void evaluate() {
            boolean upstreamChanged = false;
            for (int l = first; l < hidden; l++) {
                int s = l + 1;
                if (upstreamChanged) {
                    recompute(s);
                } else if (pendingCount[l] > 0) {
                    rankUpdate(l);
                    upstreamChanged = true;
                }
                pendingCount[l] = 0;
            }
        }

        /** z[s] = W_s * probe(x_{s-1}) + b_s, from the current activation of layer s-1. */
        private void recompute(int s) {
            int l = s - 1;
            boolean isFirst = l == first;
            BlockKernels.reluProbe(isFirst ? h : z[l], !isFirst, amounts[l], rep[l], p, stack.in(s), e);
            BlockKernels.gemmBias(stack.weights(s), stack.out(s), stack.in(s), p, stack.bias(s), z[s], e);
            flops += 2L * stack.out(s) * stack.in(s) * e + 3L * stack.in(s) * e;
        }

        /** Adds the rank-one terms of layer l's pending ablations to the next pre-activation. */
        private void rankUpdate(int l) {
            int n = pendingCount[l];
            float[] x = l == first ? h : z[l];
            boolean relu = l != first;
            for (int j = 0; j < n; j++) {
                int u = pending[l][j];
                float a = amounts[l][u];
                float ra = rep[l][u] * a;
                int xo = u * e;
                int dOff = j * e;
                for (int i = 0; i < e; i++) {
                    float xv = relu ? Math.max(x[xo + i], 0f) : x[xo + i];
                    d[dOff + i] = ra - a * xv;
                }
            }
            int s = l + 1;
            BlockKernels.rankUpdate(stack.weights(s), stack.out(s), stack.in(s), pending[l], n, d, z[s], e);
            flops += 2L * stack.out(s) * n * e + 3L * n * e;
        }

        private void record(AblationResult r, int o, int step) {
            BlockScoring.record(r, o, step, z[hidden], labels, e, k);
        }
    }
}
