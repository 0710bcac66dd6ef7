package dev.reliance.metrics;

/** Argument checks shared by the metrics classes; they throw IllegalArgumentException. */
final class Checks {
    private Checks() {}

    static void notEmpty(double[] a, String name) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    static void sameLength(int a, int b, String nameA, String nameB) {
        if (a != b) {
            throw new IllegalArgumentException(
                    nameA + " and " + nameB + " differ in length: " + a + " vs " + b);
        }
    }

    static void finite(double[] a, String name) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + a[i]);
            }
        }
    }

    static void labels(int[] labels, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(
                        "labels[" + i + "] = " + labels[i] + " is outside [0, " + classes + ")");
            }
        }
    }
}
