package dev.srereview.evidence.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.corpus.Annotations;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs PythonRules over every python-* fixture repository and checks the in-place annotations:
 * {@code # ruleid: <category>} on the line before a true case must produce a finding of that category on the
 * next code line; {@code # ok: <category>} must not; and no finding may appear on an unannotated line.
 */
class PythonCorpusTest {
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

    private static void check(Path dir) {
        // The real scanner and classifier: a file's role (service, script, test) comes from its kind
        RepoSnapshot snapshot = dev.srereview.evidence.corpus.FixtureRepos.load(dir);
        List<Finding> findings = new PythonRules().analyze(snapshot);
        List<Annotations.Expectation> expectations = Annotations.of(snapshot).expectations();
        Set<String> got = new TreeSet<>();
        for (Finding f : findings) {
            got.add(f.path() + ":" + f.line() + " " + f.category().id());
        }
        Set<String> missed = new TreeSet<>();
        Set<String> falseAlarms = new TreeSet<>();
        Set<String> annotated = new TreeSet<>();
        for (Annotations.Expectation e : expectations) {
            String key = e.path() + ":" + e.line() + " " + e.category();
            if (e.kind() == Annotations.Kind.RULEID) {
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
