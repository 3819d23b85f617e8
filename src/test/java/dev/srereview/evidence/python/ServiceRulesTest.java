package dev.srereview.evidence.python;

import static dev.srereview.evidence.python.RuleAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.FileKind;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRulesTest {
    private static final Category HEALTH = Category.MISSING_HEALTHCHECK;

    @Test
    void oneFindingPerServiceAtItsCreationLine() {
        String src = "from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get('/a')\ndef a():\n    return 1\n"
                + "@app.get('/b')\ndef b():\n    return 2\n";
        assertThat(run(HEALTH, "main.py", src)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.fix()).contains("/healthz");
        });
    }

    @Test
    void healthRouteInAnotherModuleRegisteredOnAnImportedAppCounts() {
        String app = "from flask import Flask\napp = Flask(__name__)\n";
        String routes = "from app import app\n\n@app.route('/health')\ndef health():\n    return 'ok'\n";
        assertThat(run(HEALTH, "app.py", app, "views.py", routes)).isEmpty();
    }

    @Test
    void computedRoutePathNamingHealthCounts() {
        String src = "from fastapi import FastAPI\nHEALTH_PATH = '/x'\napp = FastAPI()\n\n"
                + "@app.get(HEALTH_PATH)\ndef alive():\n    return 1\n";
        assertThat(run(HEALTH, "main.py", src)).isEmpty();
    }

    @Test
    void starletteAndTornadoRouteTablesAreRead() {
        String st = "from starlette.applications import Starlette\nfrom starlette.routing import Route\n"
                + "async def h(r):\n    return 1\napp = Starlette(routes=[Route('/healthz', h)])\n";
        String tor = "import tornado.web\napp = tornado.web.Application([(r'/ping', H), (r'/x', X)])\n";
        String torBad = "import tornado.web\napp = tornado.web.Application([(r'/x', X)])\n";
        assertThat(run(HEALTH, "a.py", st)).isEmpty();
        assertThat(run(HEALTH, "a.py", tor)).isEmpty();
        assertThat(run(HEALTH, "a.py", torBad)).hasSize(1);
    }

    @Test
    void batchScriptsTrainingAndNotebooksAreNotServices() {
        var snap = RuleAssertions.withKinds("notebook.ipynb", FileKind.NOTEBOOK,
                "from flask import Flask\napp = Flask(__name__)\n%matplotlib inline\n!pip install x\n",
                "train.py", FileKind.TRAINING_CODE, "from fastapi import FastAPI\napp = FastAPI()\n",
                "batch.py", FileKind.OTHER_CODE, "import pandas as pd\ndf = pd.read_csv('x.csv')\n");
        List<Finding> f = new PythonRules().analyze(snap);
        assertThat(f).filteredOn(x -> x.category() == HEALTH).isEmpty();
    }

    @Test
    void rateLimitFindingNamesAllInferenceRoutesOnce() {
        String src = "from fastapi import FastAPI\nfrom pydantic import BaseModel\napp = FastAPI()\n"
                + "class B(BaseModel):\n    x: int\n@app.get('/healthz')\ndef h():\n    return 1\n"
                + "@app.post('/predict')\ndef p(b: B):\n    return 1\n@app.post('/embed')\ndef e(b: B):\n    return 1\n";
        assertThat(run(Category.NO_RATE_LIMIT, "main.py", src)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(9);
            assertThat(f.message()).contains("/predict", "/embed");
            assertThat(f.fix()).contains("slowapi");
        });
    }

    @Test
    void aLimiterImportedAnywhereInTheRepoCounts() {
        String api = "from fastapi import FastAPI\napp = FastAPI()\n@app.get('/healthz')\ndef h():\n    return 1\n"
                + "@app.post('/predict')\ndef p(x: int):\n    return 1\n";
        String mw = "from limits import RateLimitItemPerSecond\n";
        assertThat(run(Category.NO_RATE_LIMIT, "main.py", api, "middleware.py", mw)).isEmpty();
    }
}
