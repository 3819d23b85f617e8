package dev.srereview.evidence.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.Artifact;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.TestSnapshots;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceArithmeticTest {
    private static final String DEPLOY = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: scorer}\nspec:\n"
            + "  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: scorer\n"
            + "          image: scorer:1.0\n          resources:\n            limits:\n              memory: %s\n";

    private static RepoSnapshot repo(String cmd, String limit, long modelBytes) {
        RepoSnapshot s = TestSnapshots.of(
                "Dockerfile", "FROM python:3.11\nCMD " + cmd + "\n",
                "serve.py", "model = torch.load('model.pt')\n",
                "k8s/deploy.yaml", String.format(DEPLOY, limit));
        return new RepoSnapshot(s.root(), s.target(), s.files(), List.of(new Artifact("model.pt", modelBytes, "weights")),
                List.of(), s.stats());
    }

    @Test
    void weightsTimesWorkersOverTheLimitIsAP0WithTheArithmeticSpelledOut() {
        List<Finding> out = new ResourceRules().analyze(repo("gunicorn -w 4 serve:app", "2Gi", 1_600_000_000L));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(Category.RESOURCE_OVERCOMMIT);
            assertThat(f.severity()).isEqualTo(Severity.P0);
            assertThat(f.path()).isEqualTo("k8s/deploy.yaml");
            assertThat(f.line()).isEqualTo(13);
            assertThat(f.message()).contains("model.pt is 1.6 GB, 4 workers load it: 6.4 GB against a 2 GiB limit")
                    .contains("OOM-killed at start");
        });
    }

    @Test
    void replicasDoNotMultiplyPerPodMemory() {
        // 3 replicas, one worker each: 1.6 GB per pod fits a 2Gi limit with headroom to spare (2.15 GB).
        assertThat(new ResourceRules().analyze(repo("gunicorn serve:app", "3Gi", 1_600_000_000L))).isEmpty();
    }

    @Test
    void preloadSharesOneCopyAcrossWorkers() {
        assertThat(new ResourceRules().analyze(repo("gunicorn --preload -w 4 serve:app", "3Gi", 1_600_000_000L))).isEmpty();
    }

    @Test
    void underTwentyPercentHeadroomIsAP1() {
        List<Finding> out = new ResourceRules().analyze(repo("uvicorn serve:app --workers 2", "2Gi", 900_000_000L));
        assertThat(out).singleElement().extracting(Finding::severity).isEqualTo(Severity.P1);
    }

    @Test
    void workersComeFromTheContainerEnvironmentAndGunicornConfig() {
        RepoSnapshot s = TestSnapshots.of(Map.of(
                "Dockerfile", "FROM python:3.11\nENV WEB_CONCURRENCY=3\nCMD [\"gunicorn\", \"serve:app\"]\n",
                "serve.py", "m = load('w.safetensors')\n"));
        RepoSnapshot withModel = new RepoSnapshot(s.root(), s.target(), s.files(),
                List.of(new Artifact("w.safetensors", 1_000_000_000L, "weights")), List.of(), s.stats());
        List<ResourceEstimate> est = new ResourceArithmetic().estimates(withModel);
        assertThat(est).singleElement().satisfies(e -> {
            assertThat(e.workers()).isEqualTo(3);
            assertThat(e.limitBytes()).isNull();
            assertThat(e.arithmetic()).isEqualTo("w.safetensors is 1 GB, 3 workers load it: 3 GB with no memory limit set");
        });
        RepoSnapshot conf = TestSnapshots.of(Map.of(
                "Dockerfile", "FROM python:3.11\nCMD [\"gunicorn\", \"-c\", \"conf/gunicorn.py\", \"serve:app\"]\n",
                "conf/gunicorn.py", "import multiprocessing\nworkers = multiprocessing.cpu_count() * 2 + 1\n"));
        assertThat(WorkerCounts.of(conf, "gunicorn -c conf/gunicorn.py serve:app", Map.of(), "Dockerfile:2").count())
                .isEqualTo(5);
    }

    @Test
    void composeDeployLimitsAndTheBuiltImagesCommandCount() {
        RepoSnapshot s = TestSnapshots.of(
                "Dockerfile", "FROM python:3.11\nCMD uvicorn api:app --workers 3\n",
                "api.py", "sess = ort.InferenceSession('model/clf.onnx')\n",
                "compose.yaml", "services:\n  api:\n    build: .\n    deploy:\n      resources:\n        limits:\n"
                        + "          memory: 1G\n  redis:\n    image: redis:7.2\n    mem_limit: 64m\n");
        RepoSnapshot withModel = new RepoSnapshot(s.root(), s.target(), s.files(),
                List.of(new Artifact("model/clf.onnx", 400_000_000L, "model")), List.of(), s.stats());
        List<Finding> out = new ResourceRules().analyze(withModel);
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("compose.yaml:7");
            assertThat(f.message()).contains("compose service api: model/clf.onnx is 400 MB, 3 workers load it: 1.2 GB"
                    + " against a 1 GiB limit");
        });
    }

    @Test
    void memoryQuantitiesInBothDialects() {
        assertThat(MemoryQuantity.k8s("2Gi")).hasValue(2L << 30);
        assertThat(MemoryQuantity.k8s("512Mi")).hasValue(512L << 20);
        assertThat(MemoryQuantity.k8s("1G")).hasValue(1_000_000_000L);
        assertThat(MemoryQuantity.k8s("129e6")).hasValue(129_000_000L);
        assertThat(MemoryQuantity.k8s("{{ .Values.mem }}")).isEmpty();
        assertThat(MemoryQuantity.docker("4g")).hasValue(4L << 30);
        assertThat(MemoryQuantity.docker("512MB")).hasValue(512L << 20);
        assertThat(MemoryQuantity.docker("2Gi")).hasValue(2L << 30);
        assertThat(MemoryQuantity.display("2Gi", false)).isEqualTo("2 GiB");
        assertThat(MemoryQuantity.display("4g", true)).isEqualTo("4 GiB");
        assertThat(MemoryQuantity.decimal(1_600_000_000L)).isEqualTo("1.6 GB");
    }
}
