package dev.srereview.evidence.resources;

import dev.srereview.context.Artifact;
import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.docker.Dockerfile;
import dev.srereview.evidence.docker.DockerfileParser;
import dev.srereview.evidence.docker.DockerfileRules;
import dev.srereview.evidence.docker.Instruction;
import dev.srereview.evidence.k8s.Container;
import dev.srereview.evidence.k8s.Manifests;
import dev.srereview.evidence.k8s.Workload;
import dev.srereview.evidence.yaml.YamlDocuments;
import dev.srereview.evidence.yaml.YamlNode;
import dev.srereview.evidence.yaml.YamlNode.YList;
import dev.srereview.evidence.yaml.YamlNode.YMap;
import dev.srereview.evidence.yaml.YamlNode.YScalar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The memory arithmetic no linter does: the weight files a service loads, times the worker processes
 * that each load them, against the container's memory limit (Kubernetes or compose). Kubernetes replicas
 * do not multiply per-pod memory; workers inside one pod do.
 */
public final class ResourceArithmetic {
    private static final Set<String> WEIGHT_EXTENSIONS = Set.of("pt", "pth", "bin", "safetensors", "onnx", "h5",
            "hdf5", "keras", "pkl", "pickle", "joblib", "ckpt", "gguf", "ggml", "pb", "tflite", "mar", "model", "npz",
            "msgpack", "cbm", "ubj", "xgb", "lgb", "engine", "plan", "mlmodel", "params");

    /** A command that runs Python code that may load the weights (a sidecar or a database does not). */
    private static final java.util.regex.Pattern RUNS_PYTHON = java.util.regex.Pattern.compile(
            "\\b(gunicorn|uvicorn|hypercorn|python[0-9.]*|serve|bentoml|flask|streamlit|torchserve|waitress-serve"
                    + "|daphne|ray|mlflow)\\b");
    private static final java.util.regex.Pattern THIRD_PARTY_IMAGE = java.util.regex.Pattern.compile(
            "(^|/)(redis|postgres|mysql|mariadb|mongo|nginx|envoy|istio|fluent[a-z-]*|prom|prometheus|grafana|busybox"
                    + "|alpine|memcached|rabbitmq|kafka|zookeeper|otel|opentelemetry-collector|jaeger|vector|loki"
                    + "|elasticsearch|minio|traefik|haproxy|consul|vault)([:/@]|$)");

    private final Manifests manifests = new Manifests(new YamlDocuments());
    private final DockerfileParser parser = new DockerfileParser();

    /** One estimate per container with a memory limit; or one unlimited estimate when weights exist but no limit does. */
    public List<ResourceEstimate> estimates(RepoSnapshot snapshot) {
        if (snapshot.artifacts().stream().noneMatch(ResourceArithmetic::isWeights)) {
            return List.of();
        }
        // Which weights the code names costs a search of all code per weight: only done once a container
        // (or the image) is known to run Python.
        Lazy<List<Artifact>> modelsOnce = new Lazy<>(() -> models(snapshot));
        Optional<DockerCommand> docker = primaryDockerfile(snapshot);
        List<ResourceEstimate> out = new ArrayList<>();
        for (Workload w : manifests.workloads(snapshot)) {
            for (Container c : w.containers()) {
                Optional<String> limit = c.memoryLimit();
                OptionalLong bytes = limit.map(MemoryQuantity::k8s).orElse(OptionalLong.empty());
                if (bytes.isEmpty()) {
                    continue;
                }
                String cmd = joined(c.node().get("command")) + " " + joined(c.node().get("args"));
                Map<String, String> env = new HashMap<>();
                docker.ifPresent(d -> env.putAll(d.env()));
                c.node().list("env").ifPresent(l -> k8sEnv(l, env));
                String origin = w.path() + ":" + c.line();
                if (cmd.isBlank() && docker.isPresent() && !w.kind().equalsIgnoreCase("InferenceService")
                        && !THIRD_PARTY_IMAGE.matcher(c.image().toLowerCase(Locale.ROOT)).find()) {
                    cmd = docker.get().command();
                    origin = docker.get().origin();
                }
                if (!RUNS_PYTHON.matcher(cmd).find()) {
                    continue;
                }
                WorkerCount wc = WorkerCounts.of(snapshot, cmd.strip(), env, origin);
                out.add(new ResourceEstimate(w.kind() + " " + w.name() + ", container " + c.name(), modelsOnce.get(),
                        wc.count(),
                        wc.source(), wc.preload(), bytes.getAsLong(), MemoryQuantity.display(limit.get(), false),
                        w.path(), c.memoryLimitLine()));
            }
        }
        for (Manifests.ComposeFile cf : manifests.composeFiles(snapshot)) {
            cf.root().map("services").ifPresent(services -> services.entries().forEach((name, node) -> {
                if (node instanceof YMap svc) {
                    compose(snapshot, cf.path(), name, svc, modelsOnce, docker).ifPresent(out::add);
                }
            }));
        }
        if (out.isEmpty() && docker.isPresent()) {
            DockerCommand d = docker.get();
            WorkerCount wc = WorkerCounts.of(snapshot, d.command(), d.env(), d.origin());
            out.add(new ResourceEstimate("the image built from " + d.path(), modelsOnce.get(), wc.count(), wc.source(),
                    wc.preload(), null, null, null, 0));
        }
        return out;
    }

    private Optional<ResourceEstimate> compose(RepoSnapshot snapshot, String path, String name, YMap svc,
                                               Lazy<List<Artifact>> models, Optional<DockerCommand> docker) {
        String limitText = svc.text("mem_limit").orElse(null);
        int line = svc.keyLine("mem_limit");
        if (limitText == null) {
            Optional<YMap> limits = svc.path("deploy", "resources", "limits");
            limitText = limits.flatMap(l -> l.text("memory")).orElse(null);
            line = limits.map(l -> l.keyLine("memory")).orElse(line);
        }
        if (limitText == null) {
            return Optional.empty();
        }
        OptionalLong bytes = MemoryQuantity.docker(limitText);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> env = new HashMap<>();
        String cmd = joined(svc.get("command"));
        String origin = path + ":" + svc.keyLine("command");
        if (svc.has("build") && docker.isPresent()) {
            env.putAll(docker.get().env());
            if (cmd.isBlank()) {
                cmd = docker.get().command();
                origin = docker.get().origin();
            }
        }
        svc.get("environment").ifPresent(e -> composeEnv(e, env));
        if (!RUNS_PYTHON.matcher(cmd).find()) {
            return Optional.empty();
        }
        WorkerCount wc = WorkerCounts.of(snapshot, cmd, env, origin);
        return Optional.of(new ResourceEstimate("compose service " + name, models.get(), wc.count(), wc.source(),
                wc.preload(), bytes.getAsLong(), MemoryQuantity.display(limitText, true), path, line));
    }

    /** Weight files the service loads: those its code names, else the largest one (a lower bound). */
    static List<Artifact> models(RepoSnapshot snapshot) {
        List<Artifact> weights = snapshot.artifacts().stream().filter(ResourceArithmetic::isWeights).toList();
        if (weights.isEmpty()) {
            return List.of();
        }
        List<SourceFile> code = snapshot.files().stream()
                .filter(f -> f.kind() == FileKind.SERVING_CODE || f.kind() == FileKind.OTHER_CODE
                        || f.kind() == FileKind.DOCKERFILE || f.kind() == FileKind.CONFIG
                        || f.path().endsWith(".py") && f.kind() != FileKind.TEST && f.kind() != FileKind.TRAINING_CODE)
                .toList();
        List<Artifact> named = weights.stream().filter(a -> code.stream().anyMatch(f -> mentions(f, a))).toList();
        if (!named.isEmpty()) {
            return named;
        }
        return List.of(weights.stream().max(Comparator.comparingLong(Artifact::sizeBytes)).orElseThrow());
    }

    private static boolean mentions(SourceFile f, Artifact a) {
        String base = FileNames.base(a.path());
        String dir = FileNames.dir(a.path());
        return f.content().contains(base) || !dir.isEmpty() && FileNames.base(dir).length() > 3
                && f.content().contains(dir);
    }

    static boolean isWeights(Artifact a) {
        String kind = a.kind() == null ? "" : a.kind().toLowerCase(Locale.ROOT);
        String b = FileNames.lower(FileNames.base(a.path()));
        String ext = b.contains(".") ? b.substring(b.lastIndexOf('.') + 1) : "";
        return kind.contains("weight") || kind.contains("model") || WEIGHT_EXTENSIONS.contains(ext);
    }

    /** A value computed on first use (single-threaded: one estimate pass). */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> compute;
        private T value;

        Lazy(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }

    private record DockerCommand(String path, String command, Map<String, String> env, String origin) {
    }

    private Optional<DockerCommand> primaryDockerfile(RepoSnapshot snapshot) {
        Optional<SourceFile> f = snapshot.files().stream().filter(DockerfileRules::isDockerfile)
                .min(Comparator.comparing((SourceFile s) -> !s.path().equals("Dockerfile"))
                        .thenComparing(s -> s.path().length()));
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Dockerfile df = parser.parse(f.get().path(), f.get().content());
        return df.finalStage().map(last -> {
            List<Instruction> lineage = df.lineage(last);
            Map<String, String> env = new HashMap<>();
            String entry = "";
            String cmd = "";
            int line = last.from().line();
            for (Instruction in : lineage) {
                if (in.is("ENV")) {
                    env.putAll(DockerfileParser.envPairs(in.args()));
                } else if (in.is("ENTRYPOINT")) {
                    entry = DockerfileParser.commandText(in.args());
                    line = in.line();
                } else if (in.is("CMD")) {
                    cmd = DockerfileParser.commandText(in.args());
                    line = in.line();
                }
            }
            return new DockerCommand(f.get().path(), (entry + " " + cmd).strip(), env, f.get().path() + ":" + line);
        });
    }

    private static String joined(Optional<YamlNode> node) {
        if (node.isEmpty()) {
            return "";
        }
        if (node.get() instanceof YScalar s) {
            return s.text() == null ? "" : s.text();
        }
        if (node.get() instanceof YList l) {
            List<String> parts = new ArrayList<>();
            l.items().forEach(i -> {
                if (i instanceof YScalar s && s.text() != null) {
                    parts.add(s.text());
                }
            });
            return String.join(" ", parts);
        }
        return "";
    }

    private static void k8sEnv(YList list, Map<String, String> env) {
        for (YamlNode n : list.items()) {
            if (n instanceof YMap m) {
                m.text("name").ifPresent(k -> m.text("value").ifPresent(v -> env.put(k, v)));
            }
        }
    }

    private static void composeEnv(YamlNode node, Map<String, String> env) {
        if (node instanceof YMap m) {
            m.entries().forEach((k, v) -> {
                if (v instanceof YScalar s && s.text() != null) {
                    env.put(k, s.text());
                }
            });
        } else if (node instanceof YList l) {
            for (YamlNode i : l.items()) {
                if (i instanceof YScalar s && s.text() != null && s.text().contains("=")) {
                    env.put(s.text().substring(0, s.text().indexOf('=')), s.text().substring(s.text().indexOf('=') + 1));
                }
            }
        }
    }
}
