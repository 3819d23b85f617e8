package dev.srereview.evidence.python;

import static dev.srereview.evidence.python.RuleAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityRulesTest {
    private static final String APP = "import pickle, joblib, subprocess\nfrom flask import Flask, request\n"
            + "app = Flask(__name__)\n\n@app.get('/healthz')\ndef h():\n    return 'ok'\n\n";

    @Test
    void deserializingTheRequestBodyIsP0() {
        String src = APP + "@app.put('/load')\ndef load():\n    return str(pickle.loads(request.data))\n";
        List<Finding> f = run(Category.UNSAFE_DESERIALIZATION, "app.py", src);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.P0);
            assertThat(x.message()).contains("client");
        });
    }

    @Test
    void theProjectsOwnModelFileIsAPerRequestLoadButNotADeserializationAndAnUploadIsBoth() {
        // a model file the project ships is as trusted as its code; the one a client uploads runs the client's code
        String own = APP + "@app.get('/p/<int:i>')\ndef p(i):\n    m = joblib.load(f'models/{i}.joblib')\n"
                + "    return str(m)\n";
        assertThat(run("app.py", own)).filteredOn(x -> x.line() == 11).extracting(Finding::category)
                .containsExactly(Category.MODEL_LOADED_PER_REQUEST);
        String upload = APP + "@app.post('/p')\ndef p():\n    m = joblib.load(request.files['model'])\n"
                + "    return str(m)\n";
        assertThat(run("app.py", upload)).filteredOn(x -> x.line() == 11).extracting(Finding::category)
                .contains(Category.UNSAFE_DESERIALIZATION);
    }

    @Test
    void shellCommandOnTheRequestPathIsP0AndInAScriptP1() {
        String src = APP + "@app.get('/x')\ndef x():\n    n = request.args.get('n', type=str)\n"
                + "    subprocess.run('ls ' + n, shell=True, timeout=5)\n    return 'ok'\n";
        assertThat(run(Category.SHELL_INJECTION, "app.py", src)).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.P0);
        String script = "import os\ndef clean(d):\n    os.system(f'rm -rf {d}')\n";
        assertThat(run(Category.SHELL_INJECTION, "tools.py", script)).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.P1);
        assertThat(run(Category.SHELL_INJECTION, "train_x.py", script)).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.P3);
    }

    @Test
    void yamlLoaderVariantsAndTorchWeightsOnly() {
        String src = "import yaml, torch\na = yaml.load(s, Loader=yaml.CSafeLoader)\nb = yaml.load(s, yaml.FullLoader)\n"
                + "c = yaml.unsafe_load(s)\nd = torch.load(p, weights_only=False)\ne = torch.load(p, weights_only=True)\n";
        assertThat(run(Category.UNSAFE_DESERIALIZATION, "a.py", src)).extracting(Finding::line)
                .containsExactly(3, 4, 5);
    }
}
