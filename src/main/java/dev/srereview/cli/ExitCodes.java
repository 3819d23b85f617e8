package dev.srereview.cli;

/** review-contract.md §5. */
public final class ExitCodes {
    /** A review was produced; nothing reached --fail-on. */
    public static final int OK = 0;
    /** A review was produced and a risk or finding reached --fail-on. */
    public static final int GATED = 1;
    /** Usage or input error: one line on stderr. */
    public static final int USAGE = 2;
    /** No review could be produced (or an unexpected failure). */
    public static final int NO_REVIEW = 3;

    private ExitCodes() {
    }
}
