package dev.srereview.evidence.corpus;

import dev.srereview.context.Artifact;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.config.Settings;
import dev.srereview.context.Redactor;
import dev.srereview.context.RepositoryScanner;
import dev.srereview.context.ScanProgress;
import dev.srereview.context.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads a fixture directory as a snapshot with the real {@link RepositoryScanner} (classification, redaction,
 * artifacts), adding the weight sizes declared in {@code .fixture-artifacts} ("path bytes" per line), since a
 * corpus cannot commit gigabytes of weights.
 */
public final class FixtureRepos {
    public static final String ARTIFACTS_FILE = ".fixture-artifacts";
    /** The shipped defaults of config/defaults.yaml (context section). */
    private static final Settings.ContextSettings CONTEXT =
            new Settings.ContextSettings(24000, 262144, 2000, 0.00015, 0.05, "o200k_base");

    private FixtureRepos() {
    }

    public static Path corpusRoot() {
        return Path.of("src/test/resources/fixtures/rules").toAbsolutePath();
    }

    public static List<Path> fixtureDirs() {
        try (Stream<Path> s = Files.list(corpusRoot())) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as the tool sees a repository: the real scanner (classifier, redactor), plus declared weights. */
    public static RepoSnapshot load(Path dir) {
        RepoSnapshot scanned = new RepositoryScanner(CONTEXT, new Redactor()).scan(dir, dir.getFileName().toString(),
                ScanProgress.NONE);
        List<SourceFile> files = scanned.files().stream().filter(f -> !f.path().equals(ARTIFACTS_FILE)).toList();
        List<Artifact> artifacts = new ArrayList<>(scanned.artifacts());
        artifacts.addAll(artifacts(dir));
        return new RepoSnapshot(scanned.root(), scanned.target(), files, artifacts, scanned.leftOut(), scanned.stats(),
                scanned.ignoredSecrets());
    }

    static List<Artifact> artifacts(Path dir) {
        Path decl = dir.resolve(ARTIFACTS_FILE);
        if (!Files.exists(decl)) {
            return List.of();
        }
        List<Artifact> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(decl)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                out.add(new Artifact(parts[0], Long.parseLong(parts[1]), "weights"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
