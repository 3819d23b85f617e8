package dev.srereview.evidence.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.srereview.context.TestSnapshots;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonRulesTest {
    private final PythonRules rules = new PythonRules(2);

    private List<Finding> run(String... pathThenContent) {
        return rules.analyze(TestSnapshots.of(pathThenContent));
    }

    @Test
    void anAnalysisClosesEveryParserItOpened() {
        java.util.concurrent.ConcurrentLinkedQueue<CountingParser> opened = new java.util.concurrent.ConcurrentLinkedQueue<>();
        PythonRules counted = new PythonRules(2, () -> {
            CountingParser p = new CountingParser(TreeParsers.preferred().get());
            opened.add(p);
            return p;
        });
        String[] files = new String[2 * 12];
        for (int i = 0; i < 12; i++) { // more than the single-thread threshold, so both workers take parsers
            files[2 * i] = "m" + i + ".py";
            files[2 * i + 1] = "import requests\nrequests.get('http://x/" + i + "')\n";
        }
        assertThat(counted.analyze(TestSnapshots.of(files))).filteredOn(f -> f.category() == Category.MISSING_TIMEOUT)
                .hasSize(12);
        assertThat(opened).isNotEmpty().allSatisfy(p -> assertThat(p.closed).isEqualTo(1));
    }

    /** Wraps a real parser and counts its closes: their native memory must not wait for the collector. */
    private static final class CountingParser implements TreeParser {
        private final TreeParser inner;
        private int closed;

        CountingParser(TreeParser inner) {
            this.inner = inner;
        }

        @Override
        public PyNode parse(String content, byte[] utf8) {
            return inner.parse(content, utf8);
        }

        @Override
        public void close() {
            closed++;
            inner.close();
        }
    }

    @Test
    void nameIsPython() {
        assertThat(new PythonRules().name()).isEqualTo("python");
    }

    @Test
    void brokenSyntaxDoesNotThrowAndStillFindsWhatParses() {
        String broken = "import requests\n\ndef f(:\n    x = = 1\n\nclass (:\n"
                + "def g(url):\n    return requests.get(url)\n";
        assertThatCode(() -> run("app.py", broken, "empty.py", "", "garbage.py", "\u0000\u0001)))((((")).doesNotThrowAnyException();
        assertThat(run("app.py", broken)).extracting(Finding::category).contains(Category.MISSING_TIMEOUT);
    }

    @Test
    void nonPythonFilesAreIgnored() {
        assertThat(run("README.md", "requests.get(url)", "Dockerfile", "FROM python")).isEmpty();
    }

    @Test
    void lineNumbersSurviveMultiByteCharacters() {
        String src = "# café ☕ 😀 — ünïcödé\nimport requests\nx = \"😀😀\"\nr = requests.get('u')\n";
        List<Finding> f = run("svc.py", src);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(4);
            assertThat(x.snippet()).isEqualTo("r = requests.get('u')");
        });
    }

    @Test
    void resolvesFromImportsAliasesAndSessionAttributes() {
        String src = "from requests import Session as S\nimport urllib.request as ur\n\nclass Client:\n"
                + "    def __init__(self):\n        self.http = S()\n\n    def call(self, u):\n"
                + "        return self.http.get(u)\n\ndef legacy(u):\n    return ur.urlopen(u)\n";
        assertThat(run("client.py", src)).extracting(Finding::line).containsExactly(9, 12);
    }

    @Test
    void trainingCodeIsLoweredAndTestsAreSkipped() {
        String src = "import requests\n\ndef get(u):\n    return requests.get(u)\n";
        assertThat(run("train.py", src)).singleElement().extracting(Finding::severity).isEqualTo(Severity.P3);
        assertThat(run("tests/test_x.py", src)).isEmpty();
    }

    @Test
    void everyFindingCarriesMessageSnippetAndFix() {
        String src = "import requests, subprocess, pickle\n\ndef f(u, cmd, blob):\n    try:\n"
                + "        requests.post(u)\n        subprocess.run(cmd, shell=True)\n        pickle.loads(blob)\n"
                + "    except:\n        pass\n";
        List<Finding> f = run("svc.py", src);
        assertThat(f).hasSizeGreaterThanOrEqualTo(4).allSatisfy(x -> {
            assertThat(x.message()).isNotBlank();
            assertThat(x.snippet()).isNotBlank();
            assertThat(x.fix()).isNotBlank();
            assertThat(x.ruleId()).startsWith("PY-");
        });
    }

    @Test
    void singleThreadAndParallelRunsAgree() {
        String a = "import requests\ndef f(u):\n    return requests.get(u)\n";
        String b = "import subprocess\ndef g(c):\n    return subprocess.run(c, shell=True)\n";
        var snap = TestSnapshots.of("a.py", a, "b.py", b, "c.py", a, "d.py", b);
        assertThat(new PythonRules(1).analyze(snap)).isEqualTo(new PythonRules(2).analyze(snap));
    }
}
