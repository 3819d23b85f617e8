package dev.srereview.llm;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits between attempts; injected so tests need not wait for real. A cancel ends the wait at once. */
@FunctionalInterface
public interface Sleeper {
    /** Waits {@code duration}; returns false when {@code cancel} fired first (or the thread was interrupted). */
    boolean sleep(Duration duration, CancelToken cancel);

    /** Real time: a latch that the cancel token releases early. */
    static Sleeper real() {
        return (duration, cancel) -> {
            CountDownLatch cancelled = new CountDownLatch(1);
            cancel.onCancel(cancelled::countDown);
            try {
                return !cancelled.await(Math.max(0, duration.toNanos()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
