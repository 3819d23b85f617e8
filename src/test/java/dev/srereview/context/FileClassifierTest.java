package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileClassifierTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Dockerfile", "", FileKind.DOCKERFILE),
                Arguments.of("docker/Dockerfile.gpu", "", FileKind.DOCKERFILE),
                Arguments.of("serve.dockerfile", "", FileKind.DOCKERFILE),
                Arguments.of("compose.yaml", "", FileKind.COMPOSE),
                Arguments.of("docker-compose.prod.yml", "", FileKind.COMPOSE),
                Arguments.of("deploy/api.yaml", "apiVersion: apps/v1\nkind: Deployment\n", FileKind.K8S_MANIFEST),
                Arguments.of("deploy/multi.yml", "---\napiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: ConfigMap\n",
                        FileKind.K8S_MANIFEST),
                Arguments.of("deploy/pod.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}", FileKind.K8S_MANIFEST),
                Arguments.of("config/model.yaml", "model:\n  kind: resnet\n  apiVersion: 2\n", FileKind.CONFIG),
                Arguments.of("kustomization.yaml", "resources: []\n", FileKind.K8S_MANIFEST),
                Arguments.of(".github/workflows/ci.yml", "on: push\n", FileKind.CI_WORKFLOW),
                Arguments.of(".gitlab-ci.yml", "", FileKind.CI_WORKFLOW),
                Arguments.of("Jenkinsfile", "", FileKind.CI_WORKFLOW),
                Arguments.of("requirements-dev.txt", "", FileKind.DEPENDENCY_FILE),
                Arguments.of("requirements/base.in", "", FileKind.DEPENDENCY_FILE),
                Arguments.of("pyproject.toml", "", FileKind.DEPENDENCY_FILE),
                Arguments.of("Pipfile.lock", "", FileKind.DEPENDENCY_FILE),
                Arguments.of("uv.lock", "", FileKind.DEPENDENCY_FILE),
                Arguments.of("environment.yml", "", FileKind.DEPENDENCY_FILE),
                Arguments.of("setup.py", "from setuptools import setup\n", FileKind.DEPENDENCY_FILE),
                Arguments.of("api/main.py", "from fastapi import FastAPI\napp = FastAPI()\n", FileKind.SERVING_CODE),
                Arguments.of("svc/handler.py", "import bentoml\n", FileKind.SERVING_CODE),
                Arguments.of("svc/ray_app.py", "from ray import serve\n", FileKind.SERVING_CODE),
                Arguments.of("ui.py", "import gradio as gr\n", FileKind.SERVING_CODE),
                Arguments.of("web.py", "def make():\n    import flask\n", FileKind.SERVING_CODE),
                Arguments.of("routes.py", "@app.route('/predict')\ndef p():\n    pass\n", FileKind.SERVING_CODE),
                Arguments.of("aio.py", "from aiohttp import web\n", FileKind.SERVING_CODE),
                Arguments.of("views.py", "from django.http import JsonResponse\n", FileKind.SERVING_CODE),
                Arguments.of("app.py", "x = 1\n", FileKind.SERVING_CODE),
                Arguments.of("fit.py", "import torch\nloss.backward()\n", FileKind.TRAINING_CODE),
                Arguments.of("train_model.py", "x = 1\n", FileKind.TRAINING_CODE),
                Arguments.of("jobs/nightly.py", "from sklearn.model_selection import train_test_split\n",
                        FileKind.TRAINING_CODE),
                Arguments.of("lib/util.py", "# flask is great\nx = 'import flask'\n", FileKind.OTHER_CODE),
                Arguments.of("lib/sql.py", "Q = \"\"\"\nFROM users\nImport flask\n\"\"\"\n", FileKind.OTHER_CODE),
                Arguments.of("tests/test_api.py", "from fastapi.testclient import TestClient\n", FileKind.TEST),
                Arguments.of("pkg/serve_test.go", "", FileKind.TEST),
                Arguments.of("conftest.py", "", FileKind.TEST),
                Arguments.of("nb/explore.ipynb", "", FileKind.NOTEBOOK),
                Arguments.of("README.md", "", FileKind.DOC),
                Arguments.of("LICENSE", "", FileKind.DOC),
                Arguments.of("gunicorn.conf.py", "workers = 4\n", FileKind.CONFIG),
                Arguments.of(".env.production", "", FileKind.CONFIG),
                Arguments.of("settings.toml", "", FileKind.CONFIG),
                Arguments.of("assets/logo.svg", "<svg/>", FileKind.OTHER));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("cases")
    void classifies(String path, String content, FileKind expected) {
        assertThat(FileClassifier.classify(path, false, content)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "chart: {0}")
    @MethodSource("chart")
    void filesOfAHelmChartAreHelm(String path) {
        assertThat(FileClassifier.classify(path, true, "apiVersion: v1\nkind: Service\n")).isEqualTo(FileKind.HELM_CHART);
    }

    static Stream<String> chart() {
        return Stream.of("chart/Chart.yaml", "chart/values.yaml", "chart/values-prod.yaml", "chart/templates/svc.yaml",
                "chart/templates/_helpers.tpl");
    }
}
