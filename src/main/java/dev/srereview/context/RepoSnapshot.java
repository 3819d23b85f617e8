package dev.srereview.context;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An immutable picture of the repository under review: its readable text files (redacted), its
 * artifacts (weights, data: size only) and what was left out. Every later stage works from this.
 *
 * @param root   absolute, normalised root
 * @param target the path as the user gave it (shown in the review)
 */
public record RepoSnapshot(Path root, String target, List<SourceFile> files, List<Artifact> artifacts,
                           List<LeftOut> leftOut, ScanStats stats, List<IgnoredSecret> ignoredSecrets) {
    public RepoSnapshot {
        files = List.copyOf(files);
        artifacts = List.copyOf(artifacts);
        leftOut = List.copyOf(leftOut);
        ignoredSecrets = ignoredSecrets == null ? List.of() : List.copyOf(ignoredSecrets);
    }

    /** A snapshot with no gitignored secret files (built in memory, or replayed). */
    public RepoSnapshot(Path root, String target, List<SourceFile> files, List<Artifact> artifacts,
                        List<LeftOut> leftOut, ScanStats stats) {
        this(root, target, files, artifacts, leftOut, stats, List.of());
    }

    public Optional<SourceFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public List<SourceFile> ofKind(FileKind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    /**
     * True for any path the scan saw: a read file, an artifact, or a file left out (it exists in the tree).
     * A scan, not an index: callers ask a handful of times per review (a per-call map of every path cost far more).
     */
    /** A path the scan saw: read, an artifact, left out, or a gitignored secret file it looked into. */
    public boolean exists(String path) {
        return files.stream().anyMatch(f -> f.path().equals(path))
                || artifacts.stream().anyMatch(a -> a.path().equals(path))
                || leftOut.stream().anyMatch(l -> l.path().equals(path))
                || ignoredSecrets.stream().anyMatch(s -> s.path().equals(path));
    }

    public int secretsRedacted() {
        return files.stream().mapToInt(f -> f.redactions().size()).sum();
    }
}
