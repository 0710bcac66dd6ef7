package dev.reliance.probe;

/**
 * Dense linear algebra on blocks of examples stored unit-major ({@code [rows][E]}): the
 * innermost loops run over the E examples of a block, contiguous and independent, so the JIT
 * compiles them to SIMD. Four output rows share each loaded input vector.
 */
final class BlockKernels {
    private BlockKernels() {}

    /** Z = W * P + bias, with W (out x in) row-major, P (in x E), Z (out x E). */
    static void gemmBias(float[] w, int out, int in, float[] p, float[] bias, float[] z, int e) {
        int u = 0;
        for (; u + 3 < out; u += 4) {
            int z0 = u * e, z1 = z0 + e, z2 = z1 + e, z3 = z2 + e;
            fillRow(z, z0, e, bias[u]);
            fillRow(z, z1, e, bias[u + 1]);
            fillRow(z, z2, e, bias[u + 2]);
            fillRow(z, z3, e, bias[u + 3]);
            int w0 = u * in, w1 = w0 + in, w2 = w1 + in, w3 = w2 + in;
            for (int i = 0; i < in; i++) {
                float a0 = w[w0 + i], a1 = w[w1 + i], a2 = w[w2 + i], a3 = w[w3 + i];
                int po = i * e;
                for (int k = 0; k < e; k++) {
                    float v = p[po + k];
                    z[z0 + k] += a0 * v;
                    z[z1 + k] += a1 * v;
                    z[z2 + k] += a2 * v;
                    z[z3 + k] += a3 * v;
                }
            }
        }
        for (; u < out; u++) {
            int zo = u * e;
            fillRow(z, zo, e, bias[u]);
            int wo = u * in;
            for (int i = 0; i < in; i++) axpy(w[wo + i], p, i * e, z, zo, e);
        }
    }

    /** Z[u] += sum_j W[u][cols[j]] * D[j] for j < n: the sum of n rank-one updates. */
    static void rankUpdate(float[] w, int out, int in, int[] cols, int n, float[] d, float[] z, int e) {
        for (int u = 0; u < out; u++) {
            int zo = u * e;
            int wo = u * in;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                float a0 = w[wo + cols[j]], a1 = w[wo + cols[j + 1]];
                int d0 = j * e, d1 = d0 + e;
                for (int k = 0; k < e; k++) z[zo + k] += a0 * d[d0 + k] + a1 * d[d1 + k];
            }
            if (j < n) axpy(w[wo + cols[j]], d, j * e, z, zo, e);
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

    static void axpy(float a, float[] x, int xo, float[] y, int yo, int e) {
        for (int k = 0; k < e; k++) y[yo + k] += a * x[xo + k];
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
