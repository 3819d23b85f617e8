package dev.srereview.evidence;

/** Blast-radius order: P0 is the worst. Ordinal order is severity order. */
public enum Severity {
    P0, P1, P2, P3;

    /** True when this severity is at least as severe as {@code threshold} (P0 reaches every threshold). */
    public boolean reaches(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
