package dev.reliance.probe;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense linear algebra on blocks of examples stored unit-major ({@code [rows][E]}): the
 * innermost loops run over the E examples of a block, contiguous and independent, so the JIT
 * use explicit SIMD through the Vector API, register-blocked like a GEMM micro-kernel (plain
 * loops with offsets were not vectorized by C2 here: about 5 GFLOP/s).
 */
final class BlockKernels {
    private BlockKernels() {}

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Z = W * P + bias, with W (out x in) row-major, P (in x E), Z (out x E). */
    static void gemmBias(float[] w, int out, int in, float[] p, float[] bias, float[] z, int e) {
        for (int u = 0; u < out; u++) fillRow(z, u * e, e, bias[u]);
        accumulate(w, out, in, null, in, p, z, e);
    }

    /** Z[u] += sum_j W[u][cols[j]] * D[j] for j < n: the sum of n rank-one updates. */
    static void rankUpdate(float[] w, int out, int in, int[] cols, int n, float[] d, float[] z, int e) {
        accumulate(w, out, in, cols, n, d, z, e);
    }

    /**
     * Z[u] += sum_j W[u][col(j)] * X[j] over j < n, col(j) = cols[j] (or j when cols is null).
     * Register-blocked: 4 output rows x 2 vectors of examples stay in registers across j.
     */
    private static void accumulate(float[] w, int out, int in, int[] cols, int n, float[] x, float[] z, int e) {
        int vecEnd = e - e % (2 * LANES);
        int u = 0;
        for (; u + 3 < out; u += 4) {
            int w0 = u * in, w1 = w0 + in, w2 = w1 + in, w3 = w2 + in;
            int z0 = u * e, z1 = z0 + e, z2 = z1 + e, z3 = z2 + e;
            for (int k = 0; k < vecEnd; k += 2 * LANES) {
                FloatVector c00 = FloatVector.fromArray(SPECIES, z, z0 + k), c01 = FloatVector.fromArray(SPECIES, z, z0 + k + LANES);
                FloatVector c10 = FloatVector.fromArray(SPECIES, z, z1 + k), c11 = FloatVector.fromArray(SPECIES, z, z1 + k + LANES);
                FloatVector c20 = FloatVector.fromArray(SPECIES, z, z2 + k), c21 = FloatVector.fromArray(SPECIES, z, z2 + k + LANES);
                FloatVector c30 = FloatVector.fromArray(SPECIES, z, z3 + k), c31 = FloatVector.fromArray(SPECIES, z, z3 + k + LANES);
                for (int j = 0; j < n; j++) {
                    int col = cols == null ? j : cols[j];
                    int xo = j * e + k;
                    FloatVector x0 = FloatVector.fromArray(SPECIES, x, xo), x1 = FloatVector.fromArray(SPECIES, x, xo + LANES);
                    FloatVector a0 = FloatVector.broadcast(SPECIES, w[w0 + col]);
                    c00 = x0.fma(a0, c00);
                    c01 = x1.fma(a0, c01);
                    FloatVector a1 = FloatVector.broadcast(SPECIES, w[w1 + col]);
                    c10 = x0.fma(a1, c10);
                    c11 = x1.fma(a1, c11);
                    FloatVector a2 = FloatVector.broadcast(SPECIES, w[w2 + col]);
                    c20 = x0.fma(a2, c20);
                    c21 = x1.fma(a2, c21);
                    FloatVector a3 = FloatVector.broadcast(SPECIES, w[w3 + col]);
                    c30 = x0.fma(a3, c30);
                    c31 = x1.fma(a3, c31);
                }
                c00.intoArray(z, z0 + k);
                c01.intoArray(z, z0 + k + LANES);
                c10.intoArray(z, z1 + k);
                c11.intoArray(z, z1 + k + LANES);
                c20.intoArray(z, z2 + k);
                c21.intoArray(z, z2 + k + LANES);
                c30.intoArray(z, z3 + k);
                c31.intoArray(z, z3 + k + LANES);
            }
            for (int r = u; r < u + 4; r++) scalarRows(w, r, in, cols, n, x, z, e, vecEnd);
        }
        for (; u < out; u++) {
            int wo = u * in;
            int zo = u * e;
            for (int k = 0; k < vecEnd; k += 2 * LANES) {
                FloatVector c0 = FloatVector.fromArray(SPECIES, z, zo + k), c1 = FloatVector.fromArray(SPECIES, z, zo + k + LANES);
                for (int j = 0; j < n; j++) {
                    FloatVector a = FloatVector.broadcast(SPECIES, w[wo + (cols == null ? j : cols[j])]);
                    int xo = j * e + k;
                    c0 = FloatVector.fromArray(SPECIES, x, xo).fma(a, c0);
                    c1 = FloatVector.fromArray(SPECIES, x, xo + LANES).fma(a, c1);
                }
                c0.intoArray(z, zo + k);
                c1.intoArray(z, zo + k + LANES);
            }
            scalarRows(w, u, in, cols, n, x, z, e, vecEnd);
        }
    }

    /** The columns [from, e) of row u that the vector loop did not cover. */
    private static void scalarRows(float[] w, int u, int in, int[] cols, int n, float[] x, float[] z, int e, int from) {
        if (from >= e) return;
        int zo = u * e;
        for (int j = 0; j < n; j++) {
            float a = w[u * in + (cols == null ? j : cols[j])];
            int xo = j * e;
            for (int k = from; k < e; k++) z[zo + k] += a * x[xo + k];
        }
    }

    /** P = probe(relu(Z)) per row: relu(z) * (1 - a) + r * a, for units with amounts a and replacements r. */
    static void reluProbe(float[] z, boolean relu, float[] amount, float[] rep, float[] p, int rows, int e) {
        for (int i = 0; i < rows; i++) {
            float keep = 1f - amount[i];
            float add = rep[i] * amount[i];
            int o = i * e;
            if (relu) {
                for (int k = 0; k < e; k++) p[o + k] = Math.max(z[o + k], 0f) * keep + add;
            } else {
                for (int k = 0; k < e; k++) p[o + k] = z[o + k] * keep + add;
            }
        }
    }

    static void fillRow(float[] z, int off, int e, float v) {
        java.util.Arrays.fill(z, off, off + e, v);
    }

    /** Transposes a row-major (n x m) matrix into (m x n). */
    static float[] transpose(float[] a, int n, int m) {
        float[] t = new float[n * m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) t[j * n + i] = a[i * m + j];
        return t;
    }
}
