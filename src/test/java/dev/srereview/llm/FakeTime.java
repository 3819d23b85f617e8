package dev.srereview.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when the client sleeps, and remembers each wait: retries without real waiting. */
final class FakeTime extends Clock implements Sleeper {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public boolean sleep(Duration duration, CancelToken cancel) {
        sleeps.add(duration);
        advance(duration);
        return !cancel.isCancelled();
    }

    void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
