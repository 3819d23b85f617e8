package dev.srereview.evidence.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs PythonRules over every python-* fixture repository and checks the in-place annotations:
 * {@code # ruleid: <category>} on the line before a true case must produce a finding of that category on the
 * next code line; {@code # ok: <category>} must not; and no finding may appear on an unannotated line.
 */
class PythonCorpusTest {
    private static final Pattern ANNOTATION = Pattern.compile("^\\s*#\\s*(ruleid|ok):\\s*([a-z0-9-]+)\\s*$");

    record Expectation(String path, int line, String category, boolean expected) {
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsAnnotations() throws Exception {
        Path root = fixtures();
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> repos = dirs.filter(d -> d.getFileName().toString().startsWith("python-")).sorted().toList();
            assertThat(repos).isNotEmpty();
            return repos.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
        }
    }

    static Path fixtures() throws URISyntaxException {
        return Path.of(PythonCorpusTest.class.getResource("/fixtures/rules").toURI());
    }

    static Map<String, String> load(Path dir) {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<Expectation> expectations(Map<String, String> files) {
        List<Expectation> out = new ArrayList<>();
        files.forEach((path, content) -> {
            String[] lines = content.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = ANNOTATION.matcher(lines[i]);
                if (!m.matches()) {
                    continue;
                }
                int target = i + 1;
                while (target < lines.length && ANNOTATION.matcher(lines[target]).matches()) {
                    target++;
                }
                out.add(new Expectation(path, target + 1, m.group(2), m.group(1).equals("ruleid")));
            }
        });
        return out;
    }

    private static void check(Path dir) {
        Map<String, String> files = load(dir);
        // The real scanner and classifier: a file's role (service, script, test) comes from its kind
        RepoSnapshot snapshot = dev.srereview.evidence.corpus.FixtureRepos.load(dir);
        List<Finding> findings = new PythonRules().analyze(snapshot);
        List<Expectation> expectations = expectations(files);
        Set<String> got = new TreeSet<>();
        for (Finding f : findings) {
            got.add(f.path() + ":" + f.line() + " " + f.category().id());
        }
        Set<String> missed = new TreeSet<>();
        Set<String> falseAlarms = new TreeSet<>();
        Set<String> annotated = new TreeSet<>();
        for (Expectation e : expectations) {
            String key = e.path() + ":" + e.line() + " " + e.category();
            if (e.expected()) {
                annotated.add(key);
                if (!got.contains(key)) {
                    missed.add(key);
                }
            } else if (got.contains(key)) {
                falseAlarms.add(key + " (marked ok)");
            }
        }
        for (String g : got) {
            if (!annotated.contains(g) && !falseAlarms.contains(g + " (marked ok)")) {
                falseAlarms.add(g + " (unannotated)");
            }
        }
        assertThat(missed).as("missed true cases in " + dir.getFileName()).isEmpty();
        assertThat(falseAlarms).as("false alarms in " + dir.getFileName() + "\n" + findings).isEmpty();
    }
}
