package dev.srereview.context;

/** Progress of a running scan: files seen so far. Called from scanning threads. */
@FunctionalInterface
public interface ScanProgress {
    void filesSeen(int count);

    ScanProgress NONE = n -> { };
}
