package dev.srereview.evidence.resources;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.common.FileNames;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Worker processes from a server command line: gunicorn ({@code -w}, {@code --workers}, a config file's
 * {@code workers =}, {@code WEB_CONCURRENCY}), uvicorn and hypercorn {@code --workers}, and Ray Serve
 * {@code num_replicas} when the container runs Serve itself. Each worker is a process with its own copy
 * of whatever it loads, unless gunicorn preloads the app before forking.
 */
final class WorkerCounts {
    private static final Pattern GUNICORN = Pattern.compile("\\bgunicorn\\b");
    private static final Pattern UVICORN = Pattern.compile("\\b(uvicorn|hypercorn)\\b");
    private static final Pattern WORKERS_FLAG = Pattern.compile("(?:^|\\s)(?:-w\\s*|--workers[=\\s]+)(\\d+)\\b");
    private static final Pattern CONFIG_FLAG = Pattern.compile("(?:^|\\s)(?:-c|--config)[=\\s]+(?:python:)?(\\S+)");
    private static final Pattern CONF_WORKERS = Pattern.compile("(?m)^workers\\s*=\\s*(.+)$");
    private static final Pattern CONF_PRELOAD = Pattern.compile("(?m)^preload_app\\s*=\\s*True\\b");
    private static final Pattern ENV_DEFAULT = Pattern.compile("environ(?:\\.get\\(|\\[)\\s*['\"](\\w+)['\"]\\s*(?:,\\s*['\"]?(\\d+)['\"]?)?");
    private static final Pattern NUM_REPLICAS = Pattern.compile("num_replicas\\s*=\\s*(\\d+)");
    private static final Pattern RAY_SERVE = Pattern.compile("\\bserve\\s+run\\b|\\bserve\\.run\\(|\\bserve\\s+deploy\\b");

    private WorkerCounts() {
    }

    /**
     * @param command  the container's command line (ENTRYPOINT + CMD, or command + args)
     * @param env      environment the container gets (Dockerfile ENV, manifest env)
     * @param origin   where the command is written, e.g. "Dockerfile:14"
     */
    static WorkerCount of(RepoSnapshot snapshot, String command, Map<String, String> env, String origin) {
        boolean gunicorn = GUNICORN.matcher(command).find();
        boolean uvicorn = UVICORN.matcher(command).find();
        boolean preload = gunicorn && command.contains("--preload");
        if (gunicorn || uvicorn) {
            String server = gunicorn ? "gunicorn" : uvicornName(command);
            Matcher w = WORKERS_FLAG.matcher(command);
            if (w.find()) {
                int n = Integer.parseInt(w.group(1));
                return new WorkerCount(n, server + " --workers " + n + " (" + origin + ")", preload);
            }
            if (gunicorn) {
                Optional<WorkerCount> conf = configFile(snapshot, command, env, preload);
                if (conf.isPresent()) {
                    return conf.get();
                }
            }
            String wc = env.get("WEB_CONCURRENCY");
            if (wc != null && wc.strip().matches("\\d+")) {
                int n = Integer.parseInt(wc.strip());
                return new WorkerCount(n, server + " with WEB_CONCURRENCY=" + n, preload);
            }
            return new WorkerCount(1, server + " with its default of one worker (" + origin + ")", preload);
        }
        if (RAY_SERVE.matcher(command).find() || command.matches(".*\\bpython[0-9.]*\\s+\\S+\\.py.*")) {
            Optional<WorkerCount> ray = rayReplicas(snapshot);
            if (ray.isPresent()) {
                return ray.get();
            }
        }
        return WorkerCount.single();
    }

    private static String uvicornName(String command) {
        return command.contains("hypercorn") ? "hypercorn" : "uvicorn";
    }

    /** gunicorn reads -c FILE, or ./gunicorn.conf.py by default. */
    private static Optional<WorkerCount> configFile(RepoSnapshot snapshot, String command, Map<String, String> env,
                                                   boolean preloadFlag) {
        Matcher c = CONFIG_FLAG.matcher(command);
        String name = c.find() ? FileNames.base(c.group(1)) : "gunicorn.conf.py";
        Optional<SourceFile> conf = snapshot.files().stream().filter(f -> FileNames.base(f.path()).equals(name))
                .findFirst();
        if (conf.isEmpty()) {
            return Optional.empty();
        }
        String text = conf.get().content();
        boolean preload = preloadFlag || CONF_PRELOAD.matcher(text).find();
        Matcher w = CONF_WORKERS.matcher(text);
        if (!w.find()) {
            return Optional.empty();
        }
        String expr = w.group(1).strip();
        int line = text.substring(0, w.start()).split("\n", -1).length;
        String where = conf.get().path() + ":" + line;
        if (expr.matches("\\d+")) {
            return Optional.of(new WorkerCount(Integer.parseInt(expr), "workers = " + expr + " (" + where + ")", preload));
        }
        Matcher envDefault = ENV_DEFAULT.matcher(expr);
        if (envDefault.find()) {
            String fromEnv = env.get(envDefault.group(1));
            if (fromEnv != null && fromEnv.strip().matches("\\d+")) {
                int n = Integer.parseInt(fromEnv.strip());
                return Optional.of(new WorkerCount(n, envDefault.group(1) + "=" + n + " read by " + where, preload));
            }
            if (envDefault.group(2) != null) {
                int n = Integer.parseInt(envDefault.group(2));
                return Optional.of(new WorkerCount(n, "workers defaulting to " + n + " (" + where + ")", preload));
            }
        }
        if (expr.contains("cpu_count")) {
            // cpu_count() sees the node's CPUs, not the container's limit: assume the smallest common node.
            Matcher mul = Pattern.compile("cpu_count\\(\\)\\s*\\*\\s*(\\d+)\\s*(?:\\+\\s*(\\d+))?").matcher(expr);
            int n = mul.find() ? 2 * Integer.parseInt(mul.group(1)) + (mul.group(2) == null ? 0 : Integer.parseInt(mul.group(2))) : 2;
            return Optional.of(new WorkerCount(n, "workers = " + expr + " (" + where + "): at least " + n
                    + " on a 2-CPU node, more on bigger nodes, because cpu_count() ignores the container's CPU limit",
                    preload));
        }
        return Optional.empty();
    }

    private static Optional<WorkerCount> rayReplicas(RepoSnapshot snapshot) {
        for (SourceFile f : snapshot.files()) {
            if (!f.path().endsWith(".py") || !f.content().contains("serve.deployment")) {
                continue;
            }
            Matcher m = NUM_REPLICAS.matcher(f.content());
            if (m.find()) {
                int line = f.content().substring(0, m.start()).split("\n", -1).length;
                int n = Integer.parseInt(m.group(1));
                return Optional.of(new WorkerCount(n, "Ray Serve num_replicas=" + n + " (" + f.path() + ":" + line + ")",
                        false));
            }
        }
        return Optional.empty();
    }
}
