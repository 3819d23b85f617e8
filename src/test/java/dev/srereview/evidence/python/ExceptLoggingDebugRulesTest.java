package dev.srereview.evidence.python;

import static dev.srereview.evidence.python.RuleAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import org.junit.jupiter.api.Test;

class ExceptLoggingDebugRulesTest {
    @Test
    void bareExceptThatExitsOrAbortsIsReportedAndOneThatReraisesIsLowest() {
        // sys.exit(1) or abort(400) turns a SIGTERM or Ctrl-C into something else; a bare raise passes it on
        String exits = "import sys\ndef f():\n    try:\n        g()\n    except:\n        sys.exit(1)\n";
        assertThat(run(Category.BARE_EXCEPT, "a.py", exits)).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.P2);
        String reraises = "def f(db):\n    try:\n        db.commit()\n    except:\n        db.rollback()\n        raise\n";
        assertThat(run(Category.BARE_EXCEPT, "a.py", reraises)).singleElement()
                .extracting(Finding::line, Finding::severity).containsExactly(4, Severity.P3);
    }

    @Test
    void broadExceptInATupleIsBroad() {
        String src = "def f():\n    try:\n        g()\n    except (ValueError, Exception):\n        pass\n";
        assertThat(run(Category.BROAD_EXCEPT_SWALLOWED, "a.py", src)).singleElement()
                .extracting(Finding::line).isEqualTo(4);
    }

    @Test
    void loguruAndStructlogAreLoggersAndKeywordFieldsAreContext() {
        String src = "from loguru import logger\nimport structlog\nlog = structlog.get_logger()\n"
                + "def f(i):\n    try:\n        g()\n    except Exception:\n        logger.error('failed')\n"
                + "        log.error('failed', item=i)\n        return None\n";
        assertThat(run(Category.LOGGING_WITHOUT_CONTEXT, "a.py", src)).extracting(Finding::line).containsExactly(8);
    }

    @Test
    void debugFlagsByContext() {
        String src = "import os\nfrom flask import Flask\napp = Flask(__name__)\napp.debug = True\n"
                + "os.environ['FLASK_DEBUG'] = '1'\n";
        assertThat(run(Category.DEBUG_MODE, "app.py", src)).extracting(Finding::line, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, Severity.P1),
                        org.assertj.core.groups.Tuple.tuple(5, Severity.P1));
        assertThat(run(Category.DEBUG_MODE, "train_app.py", src)).isEmpty();
    }

    @Test
    void hardcodedConfigSkipsTestsAndEnvDefaultsAndIsLowerInScripts() {
        String src = "import os\nA = '/home/bob/m.pt'\nB = os.getenv('B', '/home/bob/m.pt')\n";
        assertThat(run(Category.HARDCODED_CONFIG, "svc.py", src)).singleElement()
                .extracting(Finding::line).isEqualTo(2);
        assertThat(run(Category.HARDCODED_CONFIG, "tests/test_svc.py", src)).isEmpty();
        var snap = RuleAssertions.withKinds("tools/sync.py", dev.srereview.context.FileKind.OTHER_CODE, src);
        assertThat(new PythonRules().analyze(snap)).singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.P3);
    }

    @Test
    void notebookMagicsDoNotBreakTheParse() {
        String cells = "%matplotlib inline\n!pip install requests\nimport requests\nr = requests.get('u')\n";
        var snap = RuleAssertions.withKinds("eda.ipynb", dev.srereview.context.FileKind.NOTEBOOK, cells);
        assertThat(new PythonRules().analyze(snap)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.severity()).isEqualTo(Severity.P3);
        });
    }

    @Test
    void anImportedAppIsFlasksDevServerOnlyWhenTheRepositoryCreatesAFlaskApp() {
        // run.py is the larger file, so it is walked before app.py is even parsed: the decision waits for the
        // repository's facts, whatever the order, on one thread or two.
        String run = "# starts the app locally\n".repeat(40) + "from app import app\napp.run(debug=True)\n";
        String flask = "from flask import Flask\napp = Flask(__name__)\n";
        String other = "import dash\napp = dash.Dash(__name__)\n";
        for (int threads : new int[] {1, 2}) {
            assertThat(new PythonRules(threads).analyze(dev.srereview.context.TestSnapshots.of(
                    "run.py", run, "app.py", flask)).stream().filter(f -> f.category() == Category.DEBUG_MODE))
                    .singleElement().extracting(Finding::ruleId).isEqualTo("PY-DEBUG-001");
            assertThat(new PythonRules(threads).analyze(dev.srereview.context.TestSnapshots.of(
                    "run.py", run, "app.py", other)).stream().filter(f -> f.ruleId().equals("PY-DEBUG-001")))
                    .isEmpty();
        }
    }
}
