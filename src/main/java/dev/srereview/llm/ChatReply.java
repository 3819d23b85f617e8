package dev.srereview.llm;

import java.time.Duration;

/** A complete answer, with what it cost. */
public record ChatReply(String text, String model, int inputTokens, int outputTokens, int attempts, Duration latency) {
}
