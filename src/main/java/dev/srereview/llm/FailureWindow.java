package dev.srereview.llm;

import java.util.ArrayDeque;

/**
 * The last {@code size} attempts' outcomes, for the breaker's rule "open when {@code threshold} of them failed".
 * Resilience4j judges a failure <em>rate</em> once a minimum of calls is reached, which in a short session opens the
 * breaker on fewer failures than configured (1 failure of 2 calls is 50%); counting the failures keeps the
 * setting's meaning exact. Thread-safe.
 */
final class FailureWindow {
    private final int size;
    private final int threshold;
    private final ArrayDeque<Boolean> outcomes = new ArrayDeque<>();

    /** What the window held: failures among calls. */
    record Count(int failures, int calls) {
    }

    FailureWindow(int size, int threshold) {
        this.size = Math.max(1, size);
        this.threshold = Math.min(this.size, Math.max(1, threshold));
    }

    /** @return true when this outcome brings the failures in the window to the threshold */
    synchronized boolean record(boolean failed) {
        if (outcomes.size() == size) {
            outcomes.removeFirst();
        }
        outcomes.addLast(failed);
        return failed && failures() >= threshold;
    }

    synchronized Count count() {
        return new Count(failures(), outcomes.size());
    }

    synchronized void clear() {
        outcomes.clear();
    }

    private int failures() {
        return (int) outcomes.stream().filter(Boolean::booleanValue).count();
    }
}
