package dev.srereview.evidence.k8s;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.yaml.YamlDocuments;
import dev.srereview.evidence.yaml.YamlNode;
import dev.srereview.evidence.yaml.YamlNode.YList;
import dev.srereview.evidence.yaml.YamlNode.YMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Kubernetes workloads and compose files of a snapshot (Helm templates that only interpolate values
 * included, rendered with placeholders: HelmInterpolation). Other Helm templates and files
 * that are not plain YAML are skipped (logged at debug): a half-rendered template would give false alarms.
 */
public final class Manifests {
    private static final Logger log = LoggerFactory.getLogger(Manifests.class);
    private final YamlDocuments yaml;

    public Manifests(YamlDocuments yaml) {
        this.yaml = yaml;
    }

    /** Every workload in every YAML file that looks like a manifest. */
    public List<Workload> workloads(RepoSnapshot snapshot) {
        List<Workload> out = new ArrayList<>();
        for (SourceFile f : snapshot.files()) {
            if (!isManifestCandidate(f)) {
                continue;
            }
            for (YamlNode doc : parse(f)) {
                if (doc instanceof YMap m) {
                    workload(f.path(), m).ifPresent(out::add);
                    out.addAll(rayGroups(f.path(), m));
                    // kind: List wraps several objects.
                    m.list("items").ifPresent(items -> items.items().stream().filter(YMap.class::isInstance)
                            .forEach(i -> workload(f.path(), (YMap) i).ifPresent(out::add)));
                }
            }
        }
        return out;
    }

    /** Compose files: path and their top-level map (those with {@code services:}). */
    public List<ComposeFile> composeFiles(RepoSnapshot snapshot) {
        List<ComposeFile> out = new ArrayList<>();
        for (SourceFile f : snapshot.files()) {
            if (!isCompose(f)) {
                continue;
            }
            for (YamlNode doc : parse(f)) {
                if (doc instanceof YMap m && m.map("services").isPresent()) {
                    out.add(new ComposeFile(f.path(), m));
                }
            }
        }
        return out;
    }

    public record ComposeFile(String path, YMap root) {
    }

    /**
     * Images whose tag a kustomization sets ({@code images: [{name: X, newTag: "1.4.2"}]} or a digest): a base that
     * says {@code X:latest} is rendered with the overlay's tag, so the base's tag is not what runs.
     */
    public Set<String> kustomizePinned(RepoSnapshot snapshot) {
        Set<String> out = new HashSet<>();
        for (SourceFile f : snapshot.files()) {
            String b = FileNames.base(f.path());
            if (!b.equals("kustomization.yaml") && !b.equals("kustomization.yml") && !b.equals("Kustomization")) {
                continue;
            }
            for (YamlNode doc : parse(f)) {
                if (doc instanceof YMap m) {
                    m.list("images").ifPresent(images -> images.items().stream().filter(YMap.class::isInstance)
                            .map(YMap.class::cast)
                            .filter(i -> i.has("newTag") || i.has("digest"))
                            .forEach(i -> i.text("name").ifPresent(out::add)));
                }
            }
        }
        return out;
    }

    static boolean isCompose(SourceFile f) {
        String b = FileNames.lower(FileNames.base(f.path()));
        boolean yml = b.endsWith(".yml") || b.endsWith(".yaml");
        return yml && (f.kind() == FileKind.COMPOSE || b.startsWith("docker-compose") || b.startsWith("compose."));
    }

    static boolean isManifestCandidate(SourceFile f) {
        String b = FileNames.lower(FileNames.base(f.path()));
        boolean yml = b.endsWith(".yml") || b.endsWith(".yaml");
        if (!yml || isCompose(f) || f.kind() == FileKind.CI_WORKFLOW) {
            return false;
        }
        // Cheap pre-filter before parsing: a manifest names its kind.
        return f.content().contains("kind:") && f.content().contains("apiVersion");
    }

    List<YamlNode> parse(SourceFile f) {
        String text = f.content();
        if (text.contains("{{")) {
            text = HelmInterpolation.render(text);
            if (text == null) {
                log.debug("skipping templated YAML {} (Helm/Go template; values decide what renders)", f.path());
                return List.of();
            }
        }
        try {
            return yaml.parse(text);
        } catch (IOException | RuntimeException e) {
            log.debug("skipping {}: not parseable as YAML ({})", f.path(), e.getMessage());
            return List.of();
        }
    }

    static Optional<Workload> workload(String path, YMap doc) {
        String kind = doc.text("kind").orElse("");
        // a name a Helm value decides ({{ .Release.Name }}) is no name: two charts would share it
        String name = doc.path("metadata").flatMap(md -> md.text("name"))
                .filter(n -> !n.contains(HelmInterpolation.PLACEHOLDER)).orElse("?");
        String k = kind.toLowerCase(Locale.ROOT);
        Optional<YMap> spec = doc.map("spec");
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Optional<YMap> podSpec = switch (k) {
            case "pod" -> spec;
            case "deployment", "statefulset", "daemonset", "replicaset", "replicationcontroller", "job", "rollout",
                 "deploymentconfig" -> spec.get().path("template", "spec");
            case "cronjob" -> spec.get().path("jobTemplate", "spec", "template", "spec");
            case "inferenceservice" -> spec.get().map("predictor");
            case "service" -> doc.text("apiVersion").orElse("").startsWith("serving.knative.dev")
                    ? spec.get().path("template", "spec") : Optional.empty();
            default -> Optional.empty();
        };
        if (podSpec.isEmpty()) {
            return Optional.empty();
        }
        Integer replicas = spec.get().text("replicas").flatMap(Manifests::integer).orElse(null);
        List<Container> containers = new ArrayList<>();
        podSpec.get().list("containers").ifPresent(l -> containers.addAll(containers(l)));
        if ("inferenceservice".equals(k)) {
            kserveModels(podSpec.get(), containers);
            // the transformer and explainer run their own pods beside the predictor: their containers too
            for (String part : List.of("transformer", "explainer")) {
                spec.get().path(part).flatMap(p -> p.list("containers")).ifPresent(l -> containers(l).forEach(c ->
                        containers.add(new Container(part + "/" + c.name(), c.image(), c.line(), c.node()))));
            }
            if (replicas == null) {
                replicas = podSpec.get().text("minReplicas").flatMap(Manifests::integer).orElse(null);
            }
        }
        return Optional.of(new Workload(path, kind, name, doc.line(), replicas, podSpec.get(), containers));
    }

    /**
     * KubeRay: a RayCluster's head group and worker groups (a RayService holds one under rayClusterConfig), each a
     * pod template. KubeRay adds the Ray probes itself, so these are checked for resources, tags and root only.
     */
    static List<Workload> rayGroups(String path, YMap doc) {
        String kind = doc.text("kind").orElse("");
        Optional<YMap> cluster = switch (kind.toLowerCase(Locale.ROOT)) {
            case "raycluster" -> doc.map("spec");
            case "rayservice" -> doc.path("spec", "rayClusterConfig");
            default -> Optional.empty();
        };
        if (cluster.isEmpty()) {
            return List.of();
        }
        String name = doc.path("metadata").flatMap(md -> md.text("name")).orElse("?");
        List<Workload> out = new ArrayList<>();
        cluster.get().path("headGroupSpec", "template", "spec").ifPresent(pod -> out.add(new Workload(path, kind,
                name + " (head)", doc.line(), 1, pod, pod.list("containers").map(Manifests::containers).orElse(List.of()))));
        cluster.get().list("workerGroupSpecs").ifPresent(groups -> groups.items().stream()
                .filter(YMap.class::isInstance).map(YMap.class::cast).forEach(g -> g.path("template", "spec")
                        .ifPresent(pod -> out.add(new Workload(path, kind,
                                name + " (" + g.text("groupName").orElse("workers") + ")", g.line(),
                                g.text("replicas").flatMap(Manifests::integer).orElse(null), pod,
                                pod.list("containers").map(Manifests::containers).orElse(List.of()))))));
        return out;
    }

    /** KServe: {@code predictor.model} (v1beta1) or a framework key such as {@code predictor.sklearn}. */
    private static void kserveModels(YMap predictor, List<Container> into) {
        for (var e : predictor.entries().entrySet()) {
            if (e.getValue() instanceof YMap m && (m.has("storageUri") || m.has("modelFormat") || m.has("resources"))
                    && !e.getKey().equals("containers")) {
                into.add(new Container(e.getKey(), m.text("image").orElse(""), predictor.keyLine(e.getKey()), m));
            }
        }
    }

    static List<Container> containers(YList list) {
        List<Container> out = new ArrayList<>();
        for (YamlNode n : list.items()) {
            if (n instanceof YMap c) {
                out.add(new Container(c.text("name").filter(v -> !v.contains(HelmInterpolation.PLACEHOLDER)).orElse("?"),
                        c.text("image").orElse(""), c.line(), c));
            }
        }
        return out;
    }

    static Optional<Integer> integer(String s) {
        String t = s.strip();
        return t.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(t)) : Optional.empty();
    }
}
