package dev.srereview.evidence.python;

/**
 * Parses one Python source into a tree of named {@link PyNode}s (partial, error-recovered, for broken files).
 * Implementations hold a native parser and are not thread-safe: one per thread.
 */
interface TreeParser extends AutoCloseable {
    /**
     * The module node. {@code content} and {@code utf8} are the same text; an implementation reads whichever it
     * needs, and every node's byte range indexes {@code utf8}.
     */
    PyNode parse(String content, byte[] utf8);

    /** Frees what the parser holds outside the Java heap now, not when the collector gets to it; idempotent. */
    @Override
    default void close() {
    }
}
