package dev.srereview.evidence.python;

import static dev.srereview.evidence.python.RuleAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeoutRulesTest {
    private static final Category C = Category.MISSING_TIMEOUT;

    @Test
    void aCallInsideARequestHandlerIsP1AndNamesTheHandler() {
        String src = "import requests\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.get('/healthz')\n"
                + "def h():\n    return 'ok'\n\n@app.get('/u/<i>')\ndef user(i):\n    return fetch(i)\n\n"
                + "def fetch(i):\n    return requests.get('https://x/' + i).json()\n";
        List<Finding> f = run(C, "app.py", src);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.P1);
            assertThat(x.line()).isEqualTo(14);
            assertThat(x.message()).contains("request handler");
            assertThat(x.fix()).contains("timeout=");
        });
    }

    @Test
    void sessionHeldOnSelfAndChainedSubmitResultAreResolved() {
        String src = "import requests\nfrom concurrent.futures import ThreadPoolExecutor\n\nclass C:\n"
                + "    def __init__(self):\n        self.s = requests.Session()\n        self.pool = ThreadPoolExecutor(2)\n"
                + "    def a(self, u):\n        return self.s.get(u)\n"
                + "    def b(self, fn):\n        return self.pool.submit(fn).result()\n"
                + "    def c(self, fn):\n        return self.pool.submit(fn).result(timeout=5)\n";
        assertThat(run(C, "svc.py", src)).extracting(Finding::line).containsExactly(9, 11);
    }

    @Test
    void futuresIteratedDirectlyAreFlaggedButAsCompletedIsNot() {
        String src = "from concurrent.futures import ThreadPoolExecutor, as_completed\nex = ThreadPoolExecutor()\n"
                + "def run(items):\n    futs = [ex.submit(len, i) for i in items]\n"
                + "    a = [f.result() for f in futs]\n    b = [f.result() for f in as_completed(futs)]\n"
                + "    return a, b\n";
        assertThat(run(C, "svc.py", src)).extracting(Finding::line).containsExactly(5);
    }

    @Test
    void rawSocketThatConnectsWithoutSettimeoutIsFlagged() {
        String bad = "import socket\ndef f():\n    s = socket.socket()\n    s.connect(('h', 1))\n    return s\n";
        String ok = "import socket\ndef f():\n    s = socket.socket()\n    s.settimeout(3)\n    s.connect(('h', 1))\n";
        String server = "import socket\ndef f():\n    s = socket.socket()\n    s.bind(('', 1))\n    s.listen()\n";
        assertThat(run(C, "a.py", bad)).extracting(Finding::line).containsExactly(3);
        assertThat(run(C, "a.py", ok)).isEmpty();
        assertThat(run(C, "a.py", server)).isEmpty();
    }

    @Test
    void aiohttpAndBoto3KeepTheirFiniteDefaults() {
        // a 5-minute total (aiohttp) and 60 s connect/read (botocore) are defaults, not "no timeout"
        String aiohttp = "import aiohttp\nasync def f(u):\n    async with aiohttp.ClientSession() as s:\n"
                + "        return await s.get(u)\n";
        String boto = "import boto3\ns3 = boto3.client('s3')\n";
        assertThat(run(C, "a.py", aiohttp)).isEmpty();
        assertThat(run(C, "b.py", boto)).isEmpty();
    }

    @Test
    void httpxIsCleanUnlessTheTimeoutIsSwitchedOff() {
        String src = "import httpx\nc = httpx.Client()\nr = httpx.get('u')\nd = httpx.Client(timeout=None)\n";
        assertThat(run(C, "a.py", src)).extracting(Finding::line).containsExactly(4);
    }

    @Test
    void literalDsnWithConnectTimeoutCounts() {
        String src = "import psycopg2\na = psycopg2.connect('dbname=x connect_timeout=3')\n"
                + "b = psycopg2.connect('dbname=x')\n";
        assertThat(run(C, "a.py", src)).extracting(Finding::line).containsExactly(3);
    }

    @Test
    void bareImportOfUrllibRequestResolves() {
        String src = "import urllib.request\nfrom urllib.request import urlopen as uo\n"
                + "a = urllib.request.urlopen('u')\nb = uo('u', None, 5)\nc = uo('u')\n";
        assertThat(run(C, "a.py", src)).extracting(Finding::line).containsExactly(3, 5);
    }
}
