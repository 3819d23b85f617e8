package dev.srereview.context;

/** A model weight or data file: recorded with its size, never read for content. */
public record Artifact(String path, long sizeBytes, String kind) {
}
