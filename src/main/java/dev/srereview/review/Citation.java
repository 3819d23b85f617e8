package dev.srereview.review;

/** A cited location: a path relative to the target, and a 1-based line or null. */
public record Citation(String path, Integer line) {
    @Override
    public String toString() {
        return line == null ? path : path + ":" + line;
    }
}
