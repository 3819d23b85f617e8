package dev.srereview.evidence.python;

import static dev.srereview.evidence.python.RuleAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import org.junit.jupiter.api.Test;

class WorkerAndMemoryRulesTest {
    @Test
    void sigtermHandlerInAnotherModuleCoversTheWorker() {
        String worker = "def loop(q):\n    while True:\n        q.get()\n";
        String main = "import signal\nsignal.signal(signal.SIGTERM, lambda *a: None)\n";
        assertThat(run(Category.NO_GRACEFUL_SHUTDOWN, "worker.py", worker)).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.P1);
        assertThat(run(Category.NO_GRACEFUL_SHUTDOWN, "worker.py", worker, "main.py", main)).isEmpty();
        // the handler's module parsed last (smaller files go last) and on one thread: still covered
        String bigWorker = "# consumes the queue\n".repeat(50) + worker;
        assertThat(new PythonRules(1).analyze(dev.srereview.context.TestSnapshots.of("worker.py", bigWorker,
                "main.py", main)).stream().filter(f -> f.category() == Category.NO_GRACEFUL_SHUTDOWN)).isEmpty();
    }

    @Test
    void theMessageNamesTheBackgroundThread() {
        String src = "import threading, time\ndef poll():\n    while True:\n        flush_metrics()\n        time.sleep(5)\n"
                + "threading.Thread(target=poll, daemon=True).start()\n";
        assertThat(run(Category.NO_GRACEFUL_SHUTDOWN, "poller.py", src)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.P2);
            assertThat(f.message()).contains("daemon thread poll");
        });
    }

    @Test
    void aLoopInsideAStreamingHandlerIsTheServersToCancel() {
        String src = "from flask import Flask\napp = Flask(__name__)\n@app.get('/healthz')\ndef h():\n    return 'ok'\n"
                + "@app.get('/stream')\ndef stream():\n    def gen():\n        yield 1\n    while True:\n"
                + "        gen()\n";
        assertThat(run(Category.NO_GRACEFUL_SHUTDOWN, "app.py", src)).isEmpty();
    }

    @Test
    void aCollectionTrimmedElsewhereIsBounded() {
        String src = "from flask import Flask\napp = Flask(__name__)\nSEEN = set()\n@app.get('/healthz')\n"
                + "def h():\n    SEEN.add(1)\n    return 'ok'\n\ndef reset():\n    SEEN.clear()\n";
        assertThat(run(Category.UNBOUNDED_MEMORY, "app.py", src)).isEmpty();
        assertThat(run(Category.UNBOUNDED_MEMORY, "app.py", src.replace("SEEN.clear()", "pass"))).hasSize(1);
    }

    @Test
    void unboundedCacheOnAFunctionWithoutParametersIsFine() {
        String src = "import functools\n@functools.lru_cache(maxsize=None)\ndef model():\n    return 1\n"
                + "class A:\n    @functools.cache\n    def get(self):\n        return 2\n";
        assertThat(run(Category.UNBOUNDED_MEMORY, "svc.py", src)).isEmpty();
    }
}
