package dev.srereview.evidence.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.TestSnapshots;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.yaml.YamlDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestsTest {
    @Test
    void brokenAndTemplatedYamlIsSkippedNotFatal() {
        var repo = TestSnapshots.of(
                "k8s/broken.yaml", "apiVersion: v1\nkind: Deployment\nspec: [unclosed\n",
                "chart/templates/d.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.n }}\n",
                "k8s/ok.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n"
                        + "      image: c:1\n");
        List<Workload> w = new Manifests(new YamlDocuments()).workloads(repo);
        assertThat(w).extracting(Workload::name).containsExactly("p");
        List<Finding> f = new K8sRules().analyze(repo);
        assertThat(f).extracting(Finding::path).containsOnly("k8s/ok.yaml");
        assertThat(f).extracting(Finding::line).containsOnly(6);
    }

    @Test
    void aKindListIsUnwrapped() {
        var repo = TestSnapshots.of("k8s/list.yaml", "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n"
                + "    kind: Deployment\n    metadata: {name: d}\n    spec:\n      template:\n        spec:\n"
                + "          containers: [{name: c, image: 'c:1'}]\n");
        assertThat(new Manifests(new YamlDocuments()).workloads(repo)).extracting(Workload::kind)
                .containsExactly("Deployment");
    }
}
