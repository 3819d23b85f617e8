package dev.srereview.evidence.corpus;

import dev.srereview.context.Artifact;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.Redactor;
import dev.srereview.context.RedactionResult;
import dev.srereview.context.SourceFile;
import dev.srereview.context.TestSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a fixture directory as a snapshot: files classified like {@link TestSnapshots}, passed through the
 * {@link Redactor}, and the weight sizes declared in {@code .fixture-artifacts} ("path bytes" per line), since
 * a corpus cannot commit gigabytes of weights.
 */
public final class FixtureRepos {
    public static final String ARTIFACTS_FILE = ".fixture-artifacts";

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

    public static RepoSnapshot load(Path dir) {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(ARTIFACTS_FILE)) {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading fixture " + dir, e);
        }
        RepoSnapshot plain = TestSnapshots.of(files);
        Redactor redactor = new Redactor();
        List<SourceFile> redacted = new ArrayList<>();
        for (SourceFile f : plain.files()) {
            RedactionResult r = redactor.redact(f.path(), f.content());
            redacted.add(new SourceFile(f.path(), f.kind(), f.sizeBytes(), r.text(), false, r.redactions()));
        }
        return new RepoSnapshot(dir, dir.getFileName().toString(), redacted, artifacts(dir), List.of(), plain.stats());
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
