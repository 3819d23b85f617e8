package dev.srereview.evidence.python;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What one module contributes to the repository's facts, kept after its syntax tree is dropped.
 *
 * @param flaskApp       it creates a Flask-style app
 * @param handlesSigterm it installs a SIGTERM handler
 * @param shutdownHook   it registers a framework shutdown hook or lifespan
 * @param rateLimited    it imports or configures a rate limiter
 * @param healthPackage  it imports an extension that serves a health endpoint
 * @param grpcHealth     it imports gRPC's health service (grpc_health)
 * @param path           the module's path in the repository
 * @param serviceImports the project modules a service module imports (dotted; empty for other modules)
 * @param worker         it runs an endless consumer loop
 * @param entryPoint     it is a program of its own ({@code if __name__ == "__main__":} or a {@code __main__.py})
 * @param handlerCalls   what its request path (a service's) or its long-running loops' per-message path calls through
 *                       its imports ({@code cache.remember}, {@code features.build})
 * @param modelLoaders   what loads a model on every call, qualified ({@code recs.models.load_model}, {@code app.Model})
 * @param bodyModels     the classes its request handlers take as the client's body, qualified ({@link BodyModels})
 * @param serviceWholeImports the project modules a service module imports whole ({@link PyModule#wholeImports})
 */
record ModuleFacts(boolean flaskApp, boolean handlesSigterm, boolean shutdownHook, boolean rateLimited,
                   boolean healthPackage, boolean grpcHealth, String path, Set<String> serviceImports,
                   boolean worker, boolean entryPoint, Set<String> handlerCalls,
                   Set<String> modelLoaders, Set<String> bodyModels,
                   Set<String> serviceWholeImports) {
    private static final String[] LIMITER_MODULES = {"slowapi", "flask_limiter", "limits", "fastapi_limiter",
        "ratelimit", "ratelimiter", "aiolimiter", "django_ratelimit", "pyrate_limiter", "rest_framework.throttling",
        "starlette_ratelimit", "asgi_ratelimit", "throttled", "sanic_limiter"};
    /** Extensions that add a health endpoint (healthcheck, flask-healthz, ...). */
    private static final String[] HEALTH_PACKAGES = {"healthcheck", "flask_healthz", "fastapi_health", "health_check",
        "django_health_check", "starlette_exporter", "py_healthcheck"};

    static ModuleFacts of(PyModule m) {
        return new ModuleFacts(m.apps.stream().anyMatch(a -> a.framework().equals("flask")), m.handlesSigterm,
                m.hasShutdownHook, m.usesRateLimit || m.importsAny(LIMITER_MODULES)
                        || m.sourceContains("DEFAULT_THROTTLE_"), // DRF's ..._CLASSES or ..._RATES setting
                m.importsAny(HEALTH_PACKAGES), m.importsAny("grpc_health"), m.path,
                m.role == FileRole.SERVICE ? Set.copyOf(m.projectImports) : Set.of(), m.workerLoop,
                !m.mainGuards.isEmpty() || m.path.endsWith("__main__.py"),
                m.role.production() ? handlerCalls(m) : Set.of(),
                m.modelLoaders.stream().map(f -> RepoFacts.dotted(m.path) + "." + f).collect(Collectors.toSet()),
                BodyModels.of(m), m.role == FileRole.SERVICE ? Set.copyOf(m.wholeImports) : Set.of());
    }

    static boolean any(List<ModuleFacts> all, Predicate<ModuleFacts> fact) {
        return all.stream().anyMatch(fact);
    }

    /**
     * Calls whose callee is reached through an import, made on the request path (a service's), on a long-running
     * loop's per-message path (a worker's {@code features.build(batch)}) or at a Streamlit script's top level (run
     * again on every interaction): candidates in other project files.
     */
    private static Set<String> handlerCalls(PyModule m) {
        Set<String> out = new HashSet<>();
        List<PyNode> paths = new ArrayList<>(m.role == FileRole.SERVICE ? m.requestPath : Set.of());
        for (PyNode c : m.calls) {
            if (m.streamlitApp && Syntax.enclosingFunction(c) == null && c.ancestor("decorator") == null) {
                imported(m, c, out); // a Streamlit script's top level reruns on every interaction
                continue;
            }
            // a long-running loop's pass, and what it calls in this module (a consumer callback, its helpers)
            if (!Syntax.onMessagePath(c, m)) {
                continue;
            }
            imported(m, c, out);
            PyNode fn = c.field("function");
            if (fn != null && fn.is("identifier")) {
                paths.addAll(m.functions.getOrDefault(fn.text(), List.of())); // the loop's handle(msg)
            }
        }
        for (PyNode f : paths) {
            if (ModelLoadRules.cachedGetter(f)) {
                continue; // @lru_cache def get_model(): return load_model() runs its body once, not per request
            }
            f.descendants("call", false).stream().filter(c -> !ModelLoadRules.assignedOnce(c))
                    .forEach(c -> imported(m, c, out));
        }
        if (m.role == FileRole.SERVICE) {
            for (PyNode h : m.handlers) {
                dependencies(m, h, out);
            }
        }
        if (m.importsAny("rq")) {
            for (PyNode c : m.calls) {
                String job = rqJob(m, c);
                if (job != null) {
                    out.add(job); // RQ runs it once per job, like a handler per request
                }
            }
        }
        return Set.copyOf(out);
    }

    /**
     * FastAPI runs a handler's dependencies on every request: {@code dependencies=[Depends(rate_limit)]} in its
     * decorator, or a parameter's {@code = Depends(get_model)}. Imported ones are candidates like a body's calls.
     */
    private static void dependencies(PyModule m, PyNode handler, Set<String> out) {
        List<PyNode> places = new ArrayList<>(Syntax.decorators(handler));
        PyNode params = handler.field("parameters");
        if (params != null) {
            places.add(params);
        }
        for (PyNode place : places) {
            for (PyNode c : place.descendants("call", false)) {
                PyNode dep = Syntax.calleeName(c).equals("Depends") ? Syntax.positional(c, 0) : null;
                if (dep != null && dep.is("identifier") && m.imports.containsKey(dep.text())) {
                    out.add(m.qualify(dep));
                }
            }
        }
    }

    private static final Set<String> RQ_ENQUEUE = Set.of("enqueue", "enqueue_call", "enqueue_in", "enqueue_at");

    /**
     * The function an RQ {@code queue.enqueue(classify_image, url)} hands to the workers, when it is imported (or
     * named as a dotted string, {@code "tasks.classify_image"}); null otherwise. A job function of this module is a
     * handler of its own (WebIndex).
     */
    static String rqJob(PyModule m, PyNode call) {
        if (!RQ_ENQUEUE.contains(Syntax.calleeName(call))) {
            return null;
        }
        PyNode fn = rqFunction(call);
        if (fn == null) {
            return null;
        }
        String literal = Syntax.literal(fn);
        if (literal != null) {
            return literal.contains(".") ? literal : null;
        }
        String root = fn.text().split("\\.", 2)[0];
        return m.imports.containsKey(root) ? m.qualify(fn) : null;
    }

    /** The job function of an enqueue call: {@code f=}/{@code func=}, else the first argument (the second for
     * {@code enqueue_in(delay, f)} and {@code enqueue_at(when, f)}). */
    static PyNode rqFunction(PyNode call) {
        PyNode fn = Syntax.keyword(call, "f");
        fn = fn != null ? fn : Syntax.keyword(call, "func");
        String name = Syntax.calleeName(call);
        int at = name.equals("enqueue_in") || name.equals("enqueue_at") ? 1 : 0;
        return fn != null ? fn : Syntax.positional(call, at);
    }

    /**
     * {@code loop.run_in_executor(pool, extract, text)}, {@code pool.submit(score, row)}: the call runs an imported
     * function it is handed, on this path as much as a call of it would.
     */
    private static void handedOn(PyModule m, PyNode c, Set<String> out) {
        PyNode args = c.field("arguments");
        if (args == null || !Scan.RUNS_ITS_ARGUMENT.contains(Syntax.calleeName(c))) {
            return;
        }
        for (PyNode a : args.named()) {
            PyNode v = a.is("keyword_argument") ? a.field("value") : a;
            if (v != null && v.is("call") && Syntax.calleeName(v).equals("partial")) {
                v = Syntax.positional(v, 0); // functools.partial(extract, model=m): still extract
            }
            if (v != null && v.is("identifier") && m.imports.containsKey(v.text())) {
                out.add(m.imports.get(v.text()));
            }
        }
    }

    private static void imported(PyModule m, PyNode c, Set<String> out) {
        handedOn(m, c, out);
        PyNode fn = c.field("function");
        String root = fn == null ? "" : fn.text();
        int dot = root.indexOf('.');
        String first = dot < 0 ? root : root.substring(0, dot);
        if (m.imports.containsKey(first) || dot > 0 && m.varTypes.containsKey(first)) {
            out.add(m.callee(c)); // recs.cache.remember, or AuditLog.record on `audit = AuditLog(...)`
        } else if (dot > 0) {
            // self.audit.record(...): the object's class is unknown, but a class this module imports may be it —
            // one candidate per imported class name (CapWords, as PEP 8 names classes)
            String method = Syntax.calleeName(c);
            for (Map.Entry<String, String> e : m.imports.entrySet()) {
                if (!e.getKey().isEmpty() && Character.isUpperCase(e.getKey().charAt(0))) {
                    out.add(e.getValue() + "." + method);
                }
            }
        }
    }
}
