package dev.srereview.evidence.k8s;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.common.Snippets;
import dev.srereview.evidence.yaml.YamlNode;
import dev.srereview.evidence.yaml.YamlNode.YMap;
import dev.srereview.evidence.yaml.YamlNode.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The defaults a Helm chart ships in its values.yaml: what every release gets unless someone overrides them. The
 * templates with control flow are not rendered (Manifests reads only those that interpolate values); their text
 * tells which values they use.
 */
final class HelmValues {
    private static final int MAX_DEPTH = 6;

    private final Manifests manifests;

    HelmValues(Manifests manifests) {
        this.manifests = manifests;
    }

    /**
     * The findings on each chart's values.yaml; a resources key in {@code judgedValues} (HelmTemplateContainers
     * reported it at the container that renders it) is not reported again here.
     */
    List<Finding> check(RepoSnapshot snapshot, java.util.Set<String> judgedValues) {
        List<Finding> out = new ArrayList<>();
        for (SourceFile f : snapshot.files()) {
            String base = FileNames.base(f.path());
            String dir = FileNames.dir(f.path());
            String chart = dir.isEmpty() ? "Chart.yaml" : dir + "/Chart.yaml";
            if (!(base.equals("values.yaml") || base.equals("values.yml")) || !snapshot.exists(chart)) {
                continue;
            }
            String templates = templatesText(snapshot, dir);
            for (YamlNode doc : manifests.parse(f)) {
                if (doc instanceof YMap root) {
                    walk(f, root, "", templates, 0, judgedValues, out);
                }
            }
        }
        return out;
    }

    private static void walk(SourceFile f, YMap map, String path, String templates, int depth,
                             java.util.Set<String> judgedValues, List<Finding> out) {
        if (depth > MAX_DEPTH) {
            return;
        }
        // {repository, tag} (the chart convention) or {image, tag} ({{ .Values.consumer.image }}:{{ ...tag }})
        if ((map.has("repository") || map.has("image")) && map.text("tag").map(t -> t.strip().equalsIgnoreCase("latest")).orElse(false)
                && templates.contains(".Values." + path)) {
            int line = map.keyLine("tag");
            out.add(new Finding("K8S-TAG-001", Category.DOCKER_LATEST_TAG, Severity.P2, f.path(), line,
                    "The chart's default image tag is latest (" + path + "tag): every release installed without an"
                            + " override runs whatever was pushed last, so one rollout can mix two builds and a helm"
                            + " rollback does not roll the code back.",
                    Snippets.line(f, line),
                    "tag: \"\"   # empty: the templates fall back to .Chart.AppVersion, bumped by CI per release"));
        }
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            String key = e.getKey();
            YamlNode v = e.getValue();
            if (key.equals("resources") && empty(v) && templates.contains(".Values." + path + "resources")
                    && !judgedValues.contains(f.path() + "#" + path)) {
                int line = map.keyLine(key);
                out.add(new Finding("K8S-RES-001", Category.K8S_NO_RESOURCE_LIMITS, Severity.P2, f.path(), line,
                        "The chart's default " + path + "resources are empty: a release installed without an override"
                                + " runs with no requests or memory limit, so the scheduler packs it blind and the model"
                                + " can take its neighbours' memory (an HPA on CPU utilisation cannot work either).",
                        Snippets.line(f, line),
                        "resources:\n  requests: {cpu: 500m, memory: 2Gi}\n  limits: {memory: 2Gi}   # measured RSS"
                                + " x workers + headroom"));
            } else if (v instanceof YMap child) {
                walk(f, child, path + key + ".", templates, depth + 1, judgedValues, out);
            }
        }
    }

    private static boolean empty(YamlNode v) {
        return v instanceof YMap m && m.entries().isEmpty() || v instanceof YScalar s && s.isNull();
    }

    private static String templatesText(RepoSnapshot snapshot, String chartDir) {
        String prefix = (chartDir.isEmpty() ? "" : chartDir + "/") + "templates/";
        StringBuilder sb = new StringBuilder();
        for (SourceFile t : snapshot.files()) {
            if (t.path().startsWith(prefix)) {
                sb.append(t.content()).append('\n');
            }
        }
        return sb.toString();
    }
}
