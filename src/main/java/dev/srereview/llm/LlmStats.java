package dev.srereview.llm;

/** Counters for /stats: requests, tokens, latency percentiles, retries, breaker state (skeleton). */
public final class LlmStats {
}
