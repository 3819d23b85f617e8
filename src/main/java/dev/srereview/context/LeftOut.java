package dev.srereview.context;

/** A path the scan or the budget did not include, and why ("gitignored", "binary", "over budget", ...). */
public record LeftOut(String path, long sizeBytes, String reason) {
}
