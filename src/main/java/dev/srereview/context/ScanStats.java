package dev.srereview.context;

/** Counts of one scan, for the review's stats and the user's summary line. */
public record ScanStats(int filesScanned, int filesRead, int artifacts, int secretsRedacted, int filesWithSecrets,
                        long elapsedMs) {
}
