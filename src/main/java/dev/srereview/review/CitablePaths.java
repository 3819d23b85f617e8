package dev.srereview.review;

import dev.srereview.context.Artifact;
import dev.srereview.context.LeftOut;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every path a review may cite: the files the scan saw (read, artifacts, left out, secret files it looked into) and
 * the directories that
 * hold them, with and without a trailing slash. Built once per review, so checking a citation is a set lookup.
 * A {@code path:line} citation must also fall inside the file, where its length is known.
 */
final class CitablePaths {
    private final Set<String> paths;
    private final RepoSnapshot snapshot;

    private CitablePaths(Set<String> paths, RepoSnapshot snapshot) {
        this.paths = paths;
        this.snapshot = snapshot;
    }

    static CitablePaths of(RepoSnapshot snapshot) {
        Set<String> paths = new HashSet<>();
        // a gitignored secret file inside a gitignored directory is left out as its directory, but SECRET-002 cites it
        Stream.of(snapshot.files().stream().map(SourceFile::path), snapshot.artifacts().stream().map(Artifact::path),
                        snapshot.leftOut().stream().map(LeftOut::path),
                        snapshot.ignoredSecrets().stream().map(dev.srereview.context.IgnoredSecret::path))
                .flatMap(s -> s)
                .forEach(path -> {
                    paths.add(path);
                    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                        paths.add(path.substring(0, slash));
                        paths.add(path.substring(0, slash + 1));
                    }
                });
        return new CitablePaths(Set.copyOf(paths), snapshot);
    }

    boolean contains(String path) {
        return paths.contains(path);
    }

    /**
     * The number of lines of a file read whole, or -1 when unknown: an artifact, a left-out path, or a file cut short
     * by the scan's caps (redaction keeps every line break, so a redacted file still counts).
     */
    int lineCount(String path) {
        return snapshot.file(path).filter(f -> !f.truncated())
                .map(f -> (int) f.content().lines().count()).orElse(-1);
    }

    Set<String> paths() {
        return paths;
    }
}
