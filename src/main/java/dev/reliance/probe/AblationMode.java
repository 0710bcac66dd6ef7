package dev.reliance.probe;

import dev.reliance.util.UserException;

/**
 * How an ablated unit is clamped: {@code out = x * (1 - a) + r * a} with amount {@code a}
 * (1 = full ablation, 0 < a < 1 = partial) and replacement r = 0 (zero ablation) or the
 * unit's training-set mean (mean ablation; per element for conv maps).
 */
public record AblationMode(Replacement replacement, double amount) {
    public enum Replacement { ZERO, MEAN }

    public static final AblationMode ZERO = new AblationMode(Replacement.ZERO, 1.0);
    public static final AblationMode MEAN = new AblationMode(Replacement.MEAN, 1.0);

    public AblationMode {
        if (!(amount > 0 && amount <= 1)) throw new UserException("--amount: partial ablation amount must be in (0, 1], got " + amount);
    }

    /** Parses zero, mean, partial (zero replacement) with the given amount. */
    public static AblationMode parse(String mode, double amount) {
        return switch (mode) {
            case "zero" -> new AblationMode(Replacement.ZERO, 1.0);
            case "mean" -> new AblationMode(Replacement.MEAN, amount);
            case "partial" -> new AblationMode(Replacement.ZERO, amount);
            default -> throw new UserException("--mode: must be zero, mean or partial, got '" + mode + "'");
        };
    }

    public String label() {
        String base = replacement == Replacement.ZERO ? "zero" : "mean";
        return amount == 1.0 ? base : base + "@" + amount;
    }
}
