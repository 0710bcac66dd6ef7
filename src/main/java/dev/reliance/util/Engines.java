package dev.reliance.util;

/**
 * Start-up settings that must be in place before DJL's engine loads: offline mode (DJL
 * otherwise calls a cloud metadata address and a telemetry URL) and the thread count.
 */
public final class Engines {
    private Engines() {}

    public static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    /** Intra-op threads for PyTorch; 0 leaves PyTorch's default (all cores). */
    public static void threads(int n) {
        if (n > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
