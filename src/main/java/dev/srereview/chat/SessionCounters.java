package dev.srereview.chat;

import java.util.concurrent.atomic.AtomicInteger;

/** What this session did, for /stats beside the LLM client's own counters. */
public final class SessionCounters {
    final AtomicInteger reviews = new AtomicInteger();
    final AtomicInteger llmReviews = new AtomicInteger();
    final AtomicInteger offlineReviews = new AtomicInteger();
    final AtomicInteger fallbacks = new AtomicInteger();
    final AtomicInteger followUps = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();

    public String describe() {
        return "reviews: " + reviews + " (llm " + llmReviews + ", offline " + offlineReviews + ", fallbacks "
                + fallbacks + "), follow-ups answered: " + followUps + ", cancelled: " + cancelled;
    }

    public int reviews() {
        return reviews.get();
    }

    public int followUps() {
        return followUps.get();
    }

    public int cancelled() {
        return cancelled.get();
    }
}
