package dev.srereview.evidence.k8s;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.yaml.YamlNode.YMap;
import java.util.List;
import java.util.Optional;

/**
 * What the orchestrator files of a snapshot already take care of, so the Dockerfile rules do not
 * ask for what the platform provides (a HEALTHCHECK is moot when Kubernetes probes the pod).
 *
 * @param probes           some workload container has a liveness or readiness probe
 * @param composeHealth    some compose service defines a healthcheck
 * @param enforcesNonRoot  some workload sets runAsNonRoot: true or a non-zero runAsUser
 * @param platformChecked  the Dockerfiles whose images a hosting platform health-checks (Render, Fly.io, ...)
 * @param scriptedBuilds   image builds a CI workflow, Makefile or script runs ({@code docker build -f x/Dockerfile .})
 */
public record DeploymentFacts(List<Workload> workloads, List<Manifests.ComposeFile> compose, boolean probes,
                              boolean composeHealth, boolean enforcesNonRoot, java.util.Set<String> platformChecked,
                              List<BuildCommands.Build> scriptedBuilds) {
    public DeploymentFacts {
        workloads = List.copyOf(workloads);
        compose = List.copyOf(compose);
        platformChecked = java.util.Set.copyOf(platformChecked);
        scriptedBuilds = List.copyOf(scriptedBuilds);
    }

    public static DeploymentFacts of(RepoSnapshot snapshot, Manifests manifests) {
        List<Workload> workloads = manifests.workloads(snapshot);
        List<Manifests.ComposeFile> compose = manifests.composeFiles(snapshot);
        boolean probes = workloads.stream().flatMap(w -> w.containers().stream())
                .anyMatch(c -> c.hasProbe("livenessProbe") || c.hasProbe("readinessProbe"))
                || snapshot.files().stream().anyMatch(DeploymentFacts::templatedProbe);
        boolean composeHealth = compose.stream().flatMap(cf -> cf.root().map("services").stream())
                .flatMap(s -> s.entries().values().stream())
                .anyMatch(s -> s instanceof YMap m && m.map("healthcheck").map(h -> !h.text("disable")
                        .orElse("false").equalsIgnoreCase("true")).orElse(false));
        boolean nonRoot = workloads.stream().anyMatch(DeploymentFacts::nonRoot);
        return new DeploymentFacts(workloads, compose, probes, composeHealth, nonRoot, platformChecked(snapshot),
                BuildCommands.of(snapshot));
    }

    /**
     * The Dockerfiles whose images a hosting platform health-checks, playing the orchestrator
     * probe's part: Render's {@code healthCheckPath} (for the service's {@code dockerfilePath}, ./Dockerfile by
     * default), Fly.io's {@code [[http_service.checks]]} / {@code [checks]} (for {@code [build] dockerfile}),
     * Railway's {@code healthcheckPath}, App Engine's {@code readiness_check} / {@code liveness_check}. A platform
     * file that builds another Dockerfile says nothing of this one.
     */
    private static java.util.Set<String> platformChecked(RepoSnapshot snapshot) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (dev.srereview.context.SourceFile f : snapshot.files()) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            String c = f.content();
            boolean checks = switch (name) {
                case "render.yaml", "render.yml" -> c.contains("healthCheckPath:");
                case "fly.toml" -> c.contains("checks]") || c.contains("http_checks");
                case "railway.toml", "railway.json" -> c.contains("healthcheckPath");
                case "app.yaml", "app.yml" -> c.contains("readiness_check") || c.contains("liveness_check");
                default -> false;
            };
            if (!checks) {
                continue;
            }
            String dir = FileNames.dir(f.path());
            // Render lists several services in one file: each one's check covers only its own image, and only a
            // Docker service builds one
            String[] services = name.startsWith("render.") ? renderServices(c) : new String[] {c};
            for (String service : services) {
                if (name.startsWith("render.") && (!service.contains("healthCheckPath")
                        || RUNTIME.matcher(service).find() && !DOCKER_RUNTIME.matcher(service).find())) {
                    continue;
                }
                if (name.equals("fly.toml") && !service.contains("dockerfile") && FLY_IMAGE.matcher(service).find()) {
                    continue; // [build] image = "...": Fly runs a prebuilt image, not a Dockerfile of this repository
                }
                java.util.regex.Matcher m = BUILT_DOCKERFILE.matcher(service);
                String built = m.find() ? m.group(2) : "Dockerfile";
                out.add(FileNames.resolve(dir, built));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern RUNTIME = java.util.regex.Pattern.compile("(?m)^\\s*-?\\s*(runtime|env):");
    private static final java.util.regex.Pattern DOCKER_RUNTIME = java.util.regex.Pattern.compile(
            "(?m)^\\s*-?\\s*(runtime|env):\\s*[\"']?docker\\b");
    private static final java.util.regex.Pattern FLY_IMAGE = java.util.regex.Pattern.compile("(?m)^\\s*image\\s*=");

    /** The items of render.yaml's {@code services:} list, split at that list's own indentation (not nested lists'). */
    private static String[] renderServices(String text) {
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("(?m)^services:\\s*\\n(?:\\s*#.*\\n|\\s*\\n)*( *)-\\s")
                .matcher(text);
        if (!first.find()) {
            return new String[] {text};
        }
        return text.substring(first.start(1)).split("(?m)^" + first.group(1) + "-\\s");
    }

    /** {@code dockerfilePath: ./Dockerfile.api} (Render), {@code dockerfile = "Dockerfile.web"} (Fly.io, Railway). */
    private static final java.util.regex.Pattern BUILT_DOCKERFILE = java.util.regex.Pattern.compile(
            "(?im)^\\s*\"?(dockerfilePath|dockerfile)\"?\\s*[:=]\\s*[\"']?([^\"'\\s,]+)");

    /**
     * The build contexts of {@code dockerfile}: its own directory ({@code docker build}), what compose gives it
     * ({@code build: {context: ., dockerfile: docker/Dockerfile}}: "" for the repository root), and what a CI
     * workflow, Makefile or script builds it from ({@code docker build -f services/api/Dockerfile .}).
     */
    public java.util.Set<String> buildContexts(String dockerfile) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        out.add(FileNames.dir(dockerfile));
        for (ComposeBuild b : composeBuilds()) {
            if (b.dockerfile().equals(dockerfile)) {
                out.add(b.context().equals(".") ? "" : b.context());
            }
        }
        for (BuildCommands.Build b : scriptedBuilds) {
            if (b.builds(dockerfile)) {
                out.add(b.context());
            }
        }
        return out;
    }

    /**
     * Whether the Kubernetes workload running this Dockerfile's image probes it, when the image can be told: the
     * Dockerfile's directory names the image ({@code ui/Dockerfile} and {@code ghcr.io/team/sentiment-ui:1.2.0}) for
     * the long-running containers that match. Empty when no container's image matches, so the repository-wide
     * {@link #probes()} decides as before.
     */
    public Optional<Boolean> probesFor(String dockerfile) {
        String dir = FileNames.dir(dockerfile);
        String own = dir.substring(dir.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        if (own.isEmpty() || own.equals("docker") || own.equals("build") || own.equals(".")) {
            return Optional.empty();
        }
        Boolean found = null;
        for (Workload w : workloads) {
            if (!w.needsProbes()) {
                continue;
            }
            for (Container c : w.containers()) {
                if (c.image() == null || !imageNamed(c.image(), own)) {
                    continue;
                }
                boolean probed = c.hasProbe("livenessProbe") || c.hasProbe("readinessProbe");
                found = (found != null && found) || probed;
            }
        }
        return Optional.ofNullable(found);
    }

    /** {@code registry/org/sentiment-ui:1.2} is named by {@code ui}, {@code sentiment}, or {@code sentiment-ui}. */
    private static boolean imageNamed(String image, String dir) {
        String repo = image.toLowerCase(java.util.Locale.ROOT);
        int at = repo.indexOf('@');
        repo = at >= 0 ? repo.substring(0, at) : repo;
        int slash = repo.lastIndexOf('/');
        repo = repo.substring(slash + 1);
        int colon = repo.indexOf(':');
        repo = colon >= 0 ? repo.substring(0, colon) : repo;
        return repo.equals(dir) || repo.endsWith("-" + dir) || repo.endsWith("_" + dir) || repo.startsWith(dir + "-")
                || repo.startsWith(dir + "_");
    }

    /**
     * Whether the compose services that build {@code dockerfile} ({@code build: .} or {@code build: {context,
     * dockerfile}}) define a healthcheck; empty when no compose service builds it (then only the repository-wide
     * {@link #composeHealth} is known). The database's healthcheck says nothing about the API image next to it.
     */
    public Optional<Boolean> composeHealthFor(String dockerfile) {
        Boolean found = null;
        for (ComposeBuild b : composeBuilds()) {
            if (b.dockerfile().equals(dockerfile)) {
                boolean health = b.service().map("healthcheck").map(h -> !h.text("disable").orElse("false")
                        .equalsIgnoreCase("true")).orElse(false);
                found = (found != null && found) || health;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A compose service that builds an image: its context and Dockerfile, resolved against the compose file. */
    private record ComposeBuild(YMap service, String context, String dockerfile) {
    }

    private List<ComposeBuild> composeBuilds() {
        List<ComposeBuild> out = new java.util.ArrayList<>();
        for (Manifests.ComposeFile cf : compose) {
            String dir = FileNames.dir(cf.path());
            Optional<YMap> services = cf.root().map("services");
            if (services.isEmpty()) {
                continue;
            }
            for (var e : services.get().entries().values()) {
                if (!(e instanceof YMap svc) || !svc.has("build")) {
                    continue;
                }
                String context = FileNames.resolve(dir,
                        svc.text("build").orElse(svc.map("build").flatMap(b -> b.text("context")).orElse(".")));
                String file = svc.map("build").flatMap(b -> b.text("dockerfile")).orElse("Dockerfile");
                out.add(new ComposeBuild(svc, context, FileNames.resolve(context, file)));
            }
        }
        return out;
    }

    /** A Helm template Manifests cannot render (control flow, toYaml) or its values that define a probe. */
    private static boolean templatedProbe(dev.srereview.context.SourceFile f) {
        String p = f.path();
        boolean yaml = p.endsWith(".yaml") || p.endsWith(".yml") || p.endsWith(".tpl");
        boolean helm = p.contains("templates/") || p.endsWith("values.yaml") || p.endsWith("values.yml");
        return yaml && helm && (f.content().contains("livenessProbe") || f.content().contains("readinessProbe"));
    }

    static boolean nonRoot(Workload w) {
        Optional<YMap> pod = Optional.ofNullable(w.podSpec()).flatMap(p -> p.map("securityContext"));
        boolean podLevel = pod.map(DeploymentFacts::nonRootContext).orElse(false);
        return !w.containers().isEmpty() && w.containers().stream().allMatch(c ->
                c.node().map("securityContext").map(DeploymentFacts::nonRootContext).orElse(podLevel));
    }

    static boolean nonRootContext(YMap sc) {
        // runAsUser: {{ .Values.uid }} says nothing until values decide it
        if (sc.text("runAsUser").map(u -> !u.strip().equals("0") && !u.contains(HelmInterpolation.PLACEHOLDER))
                .orElse(false)) {
            return true;
        }
        return sc.text("runAsNonRoot").map(v -> v.equalsIgnoreCase("true")).orElse(false)
                && !sc.text("runAsUser").map(u -> u.strip().equals("0")).orElse(false);
    }
}
