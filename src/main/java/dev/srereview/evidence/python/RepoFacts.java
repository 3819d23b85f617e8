package dev.srereview.evidence.python;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What is true of the whole repository, not one file: SIGTERM handling, rate limiting, ...
 *
 * @param handlesSigterm  some module installs a SIGTERM handler
 * @param shutdownHook    some module registers a framework shutdown hook / lifespan
 * @param rateLimited     a rate limiter is imported or configured anywhere (Python or manifests)
 * @param flaskApp        some module creates a Flask-style app (so {@code from app import app; app.run()} is one)
 */
record RepoFacts(boolean handlesSigterm, boolean shutdownHook, boolean rateLimited, boolean flaskApp) {
    private static final List<String> LIMITER_MODULES = List.of("slowapi", "flask_limiter", "limits",
            "fastapi_limiter", "ratelimit", "ratelimiter", "aiolimiter", "django_ratelimit", "pyrate_limiter",
            "rest_framework.throttling", "starlette_ratelimit", "asgi_ratelimit", "throttled");
    private static final Pattern MANIFEST_LIMIT = Pattern.compile(
            "limit-rps|limit-rpm|limit-connections|rate-?limit|ratelimit|limit_req|DEFAULT_THROTTLE",
            Pattern.CASE_INSENSITIVE);

    static RepoFacts of(List<PyModule> modules, RepoSnapshot snapshot) {
        boolean sigterm = false;
        boolean hook = false;
        boolean limited = false;
        boolean flask = false;
        for (PyModule m : modules) {
            flask |= m.apps.stream().anyMatch(a -> a.framework().equals("flask"));
            sigterm |= m.handlesSigterm;
            hook |= m.hasShutdownHook;
            limited |= m.usesRateLimit || m.importsAny(LIMITER_MODULES.toArray(String[]::new));
        }
        if (!limited) {
            for (SourceFile f : snapshot.files()) {
                if (isManifest(f) && MANIFEST_LIMIT.matcher(f.content()).find()) {
                    limited = true;
                    break;
                }
            }
        }
        return new RepoFacts(sigterm, hook, limited, flask);
    }

    private static boolean isManifest(SourceFile f) {
        String p = f.path().toLowerCase(Locale.ROOT);
        return f.kind() == FileKind.K8S_MANIFEST || f.kind() == FileKind.HELM_CHART || f.kind() == FileKind.COMPOSE
                || f.kind() == FileKind.CONFIG || p.endsWith(".conf") || p.endsWith(".yaml") || p.endsWith(".yml")
                || p.endsWith(".toml") || p.endsWith(".json");
    }
}
