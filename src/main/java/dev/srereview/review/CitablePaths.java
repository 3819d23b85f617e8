package dev.srereview.review;

import dev.srereview.context.Artifact;
import dev.srereview.context.LeftOut;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every path a review may cite: the files the scan saw (read, artifacts, left out) and the directories that
 * hold them, with and without a trailing slash. Built once per review, so checking a citation is a set lookup.
 */
final class CitablePaths {
    private CitablePaths() {
    }

    static Set<String> of(RepoSnapshot snapshot) {
        Set<String> paths = new HashSet<>();
        Stream.of(snapshot.files().stream().map(SourceFile::path), snapshot.artifacts().stream().map(Artifact::path),
                        snapshot.leftOut().stream().map(LeftOut::path))
                .flatMap(s -> s)
                .forEach(path -> {
                    paths.add(path);
                    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                        paths.add(path.substring(0, slash));
                        paths.add(path.substring(0, slash + 1));
                    }
                });
        return Set.copyOf(paths);
    }
}
