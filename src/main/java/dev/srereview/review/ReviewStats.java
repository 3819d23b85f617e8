package dev.srereview.review;

/** The contract's {@code stats} object. */
public record ReviewStats(int filesScanned, int filesSent, int promptTokens, int secretsRedacted, long elapsedMs) {
}
