package dev.srereview.context;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small in-memory snapshots for unit tests of later stages (no disk, no redaction). */
public final class TestSnapshots {
    private TestSnapshots() {
    }

    /** Files given as path → content; the kind is guessed crudely from the name (tests may pass kinds explicitly). */
    public static RepoSnapshot of(Map<String, String> files) {
        List<SourceFile> list = new ArrayList<>();
        files.forEach((p, c) -> list.add(new SourceFile(p, guess(p), c.length(), c, false, List.of())));
        return new RepoSnapshot(Path.of("/tmp/test-repo"), "test-repo", list, List.of(), List.of(),
                new ScanStats(list.size(), list.size(), 0, 0, 0, 0));
    }

    public static RepoSnapshot of(String... pathThenContent) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pathThenContent.length; i += 2) {
            m.put(pathThenContent[i], pathThenContent[i + 1]);
        }
        return of(m);
    }

    static FileKind guess(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("dockerfile") || name.endsWith(".dockerfile")) {
            return FileKind.DOCKERFILE;
        }
        if (name.startsWith("requirements") || name.equals("pyproject.toml") || name.equals("pipfile")
                || name.equals("environment.yml")) {
            return FileKind.DEPENDENCY_FILE;
        }
        if (name.startsWith("docker-compose") || name.startsWith("compose.")) {
            return FileKind.COMPOSE;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return FileKind.K8S_MANIFEST;
        }
        if (path.contains("test")) {
            return FileKind.TEST;
        }
        if (path.contains("train")) {
            return FileKind.TRAINING_CODE;
        }
        if (name.endsWith(".py")) {
            return FileKind.SERVING_CODE;
        }
        if (name.endsWith(".md")) {
            return FileKind.DOC;
        }
        return FileKind.OTHER;
    }
}
