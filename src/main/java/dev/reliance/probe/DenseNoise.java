package dev.reliance.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reliance.data.Dataset;
import dev.reliance.model.Batches;
import dev.reliance.model.ProbedNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Fast noise curves for MLPs. The layer after the first noisy probe is linear, so its
 * pre-activation at scale s is {@code z0 + m(s) * W (sd * eps)}: PyTorch computes z0 and the
 * noise term g = W (sd * eps) once per repeat, and every scale costs only the layers after it,
 * in Java on blocks of examples.
 */
public final class DenseNoise {
    private DenseNoise() {}

    /** Result: "orderings" are repeats, "steps" are scales. */
    public static AblationResult run(ProbedNetwork net, NDManager manager, NoisePlan plan, ActivationStats stats,
            Dataset data, int threads, LongConsumer progress) {
        DenseStack stack = DenseStack.of(net);
        int first = plan.units().firstLayer();
        int hidden = stack.stages() - 1;
        NoiseSource source = new NoiseSource(plan.seed());
        float[] mult = new float[plan.scales().length];
        for (int i = 0; i < mult.length; i++) mult[i] = plan.multiplier(i);
        AblationResult total = new AblationResult(plan.repeats(), mult.length, data.numClasses());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        long done = 0;
        try (NDManager weights = manager.newSubManager()) {
            int next = first + 1;
            NDArray wT = weights.create(stack.weights(next), new Shape(stack.out(next), stack.in(next))).transpose();
            NDArray bias = weights.create(stack.bias(next));
            NDArray sdFirst = weights.create(stats.unitSds(first));
            for (int from = 0; from < data.size(); from += Prefix.CHUNK) {
                int to = Math.min(data.size(), from + Prefix.CHUNK);
                AblationResult chunk = new AblationResult(plan.repeats(), mult.length, data.numClasses());
                for (int label : Arrays.copyOfRange(data.labels(), from, to)) chunk.addExample(label);
                try (NDManager m = manager.newSubManager()) {
                    net.clearProbes();
                    NDArray h = net.activationsBeforeProbe(new ParameterStore(m, false), Batches.inputs(m, data, from, to), first);
                    float[] z0 = Prefix.unitMajor(h.dot(wT).add(bias));
                    // PyTorch draws repeat r's noise while the Java workers still score repeat r - 1
                    List<Future<AblationResult>> inFlight = List.of();
                    for (int r = 0; r < plan.repeats(); r++) {
                        float[] g;
                        float[][] later = new float[hidden][];
                        try (NDManager rm = m.newSubManager()) {
                            NDArray eps = source.epsilon(rm, r, first, from, to, ReferenceNoise.perExample(net.config(), first));
                            g = Prefix.unitMajor(eps.mul(sdFirst).dot(wT));
                            for (int l = next; l < hidden; l++) {
                                if (!plan.units().contains(l)) continue;
                                later[l] = Prefix.unitMajor(source.epsilon(rm, r, l, from, to, ReferenceNoise.perExample(net.config(), l))
                                        .mul(rm.create(stats.unitSds(l))));
                            }
                        }
                        collect(inFlight, chunk);
                        if (r > 0) progress.accept(done += to - from);
                        inFlight = submitBlocks(pool, stack, first, data, from, to, z0, g, later, mult, r, chunk.orderings());
                    }
                    collect(inFlight, chunk);
                    progress.accept(done += to - from);
                }
                total.merge(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("noise interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return total;
    }

    /** Merges finished block results in block order (deterministic sums). */
    private static void collect(List<Future<AblationResult>> parts, AblationResult into) throws InterruptedException, ExecutionException {
        for (Future<AblationResult> f : parts) into.merge(f.get());
    }

    private static List<Future<AblationResult>> submitBlocks(ExecutorService pool, DenseStack stack, int first, Dataset data, int from,
            int to, float[] z0, float[] g, float[][] later, float[] mult, int repeat, int repeats) {
        List<Future<AblationResult>> parts = new ArrayList<>();
        int units = stack.out(first + 1);
        int n = to - from;
        for (int b = from; b < to; b += DenseAblation.BLOCK) {
            int b0 = b - from;
            int e = Math.min(DenseAblation.BLOCK, to - b);
            int[] labels = Arrays.copyOfRange(data.labels(), b, b + e);
            parts.add(pool.submit(() -> new Block(stack, first, labels, e, data.numClasses(),
                    Prefix.block(z0, units, n, b0, e), Prefix.block(g, units, n, b0, e),
                    blocks(later, stack, n, b0, e))
                    .run(mult, repeat, repeats)));
        }
        return parts;
    }

    private static float[][] blocks(float[][] later, DenseStack stack, int n, int b0, int e) {
        float[][] out = new float[later.length][];
        for (int l = 0; l < later.length; l++) if (later[l] != null) out[l] = Prefix.block(later[l], stack.out(l), n, b0, e);
        return out;
    }

    /** One block of examples at every scale of one repeat. */
    private static final class Block {
        private final DenseStack stack;
        private final int first;
        private final int[] labels;
        private final int e;
        private final int k;
        private final float[] z0;
        private final float[] g;
        private final float[][] noise;
        private long flops;

        Block(DenseStack stack, int first, int[] labels, int e, int k, float[] z0, float[] g, float[][] noise) {
            this.stack = stack;
            this.first = first;
            this.labels = labels;
            this.e = e;
            this.k = k;
            this.z0 = z0;
            this.g = g;
            this.noise = noise;
        }

        AblationResult run(float[] mult, int repeat, int repeats) {
            AblationResult r = new AblationResult(repeats, mult.length, k);
            int hidden = stack.stages() - 1;
            float[] z = new float[z0.length];
            float[][] xs = new float[hidden + 1][];
            float[][] outs = new float[hidden + 1][];
            for (int l = first + 1; l < hidden; l++) {
                xs[l] = new float[stack.in(l + 1) * e];
                outs[l] = new float[stack.out(l + 1) * e];
            }
            for (int s = 0; s < mult.length; s++) {
                float m = mult[s];
                for (int i = 0; i < z.length; i++) z[i] = z0[i] + m * g[i];
                float[] cur = z;
                for (int l = first + 1; l < hidden; l++) {
                    int stage = l + 1;
                    float[] x = xs[l];
                    float[] n = noise[l];
                    for (int i = 0; i < x.length; i++) x[i] = Math.max(cur[i], 0f) + (n == null ? 0f : m * n[i]);
                    float[] next = outs[l];
                    BlockKernels.gemmBias(stack.weights(stage), stack.out(stage), stack.in(stage), x, stack.bias(stage), next, e);
                    flops += 2L * stack.out(stage) * stack.in(stage) * e + 3L * x.length;
                    cur = next;
                }
                BlockScoring.record(r, repeat, s, cur, labels, e, k);
            }
            r.addFlops(flops);
            return r;
        }
    }
}
