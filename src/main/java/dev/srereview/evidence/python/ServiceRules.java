package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.FileNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;

/** Repository-wide rules: missing-healthcheck (per service) and no-rate-limit (per service). */
final class ServiceRules {
    private static final Pattern HEALTH = Pattern.compile(
            "(?i)(^|[/_.\\-])(health|healthz|healthcheck|health[-_]check|health_check|ready|readyz|readiness|live|livez|"
                    + "liveness|alive|ping|status|heartbeat|hc)([/_.\\-]|$)");
    private static final Pattern ROOT_STATUS = Pattern.compile(
            "(?i)[\"'](status|health|healthy|alive)[\"']\\s*:|[\"'](ok|healthy|alive|running)[\"']");
    private static final Pattern HEALTH_NAME = Pattern.compile("(?i)health|readiness|liveness|ready|alive|ping");
    private static final Pattern INFERENCE = Pattern.compile(
            "(?i)predict|infer|inference|generate|generation|completion|chat|classify|embed|score|detect|translate|"
                    + "summari[sz]e|transcribe|forecast|recommend|segment|invocations|caption|entities|extract|"
                    + "sentiment|ocr|rank|ask|answer|rag|(^|[/_.\\-])(search|retriev\\w*|similar\\w*|ner|analy[sz]e"
                    // text a model rewrites or judges (blind set zzg): the last word of the path, as the action on
                    // what the client sends; /moderators and /users/<id>/redact are records, not inference
                    + "|de-?identify|anonymi[sz]e|pseudonymi[sz]e|redact|moderat(e|ion)|paraphrase)(/?$|/[{<])");
    private static final Pattern RECORD_ACTION = Pattern.compile(
            "(?i)[>}]/(de-?identify|anonymi[sz]e|pseudonymi[sz]e|redact|moderat(e|ion)|paraphrase)/?$");
    /**
     * A GET that computes (GET /forecast/{tenant}, GET /recommend), the word last in the path or before a parameter:
     * GET /predictions/{id} reads stored results and GET /predict/schema describes the API; neither is counted.
     */
    private static final Pattern GET_INFERENCE = Pattern.compile(
            "(?i)(^|[/_.\\-])(predict|infer|inference|generate|forecast|recommend|recommendations|classify|score|embed|"
                    + "embeddings|completions?|detect|translate|transcribe|summari[sz]e)(/?$|/[{<])");
    /**
     * @param modules the modules that create an app or register a route (the others have nothing to add here but
     *                facts, already in {@code facts})
     */
    List<Finding> check(List<PyModule> modules, RepoFacts facts) {
        List<Finding> out = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        boolean builtIn = false;
        for (PyModule m : modules) {
            routes.addAll(m.routes);
            builtIn |= m.apps.stream().anyMatch(App::builtInHealth);
        }
        boolean hasHealth = builtIn || facts.healthPackage() || routes.stream().anyMatch(ServiceRules::isHealth);
        // A monorepo's services are probed one by one: the gateway's /healthz says nothing of the model server's
        List<PyModule> healthModules = modules.stream().filter(m -> m.routes.stream().anyMatch(ServiceRules::isHealth)
                || m.apps.stream().anyMatch(App::builtInHealth)).toList();
        boolean monorepo = monorepo(modules);
        // two app modules that the launch commands start as their own services (uvicorn app:app and uvicorn
        // model_server:app from one directory) are probed one by one, as a monorepo's are
        List<String> appModules = modules.stream().filter(m -> m.role == FileRole.SERVICE && !m.apps.isEmpty())
                .map(m -> RepoFacts.dotted(m.path)).toList();
        List<PyModule> served = modules.stream().filter(m -> m.role == FileRole.SERVICE && !m.apps.isEmpty()
                && facts.launch().serves(RepoFacts.dotted(m.path), appModules)).toList();
        boolean separate = served.size() >= 2 && facts.launch().servedModules().size() >= 2;
        for (PyModule m : modules) {
            if (m.role != FileRole.SERVICE) {
                continue;
            }
            for (App app : m.apps) {
                boolean grpc = app.framework().equals("grpc");
                boolean own = separate && served.contains(m);
                // its own routes, a module it imports, or a router of its tree that no other launched app takes
                boolean covered = own ? facts.healthPackage() || healthModules.stream().anyMatch(h -> h == m
                        || importsTransitively(m, h, modules)
                        || !served.contains(h) && covers(h, m) && served.stream().noneMatch(o -> o != m && imports(o, h)))
                        : monorepo ? facts.healthPackage() || healthModules.stream().anyMatch(h -> covers(h, m))
                        : hasHealth;
                if (grpc ? facts.grpcHealth() : app.builtInHealth() || covered) {
                    continue;
                }
                out.add(new Finding("PY-HEALTH-001", Category.MISSING_HEALTHCHECK, Severity.P1, m.path,
                        app.site().line(),
                        "This " + app.framework() + " service has no health or readiness endpoint (checked every route "
                                + (own ? "it serves: the launch commands run it as a service of its own, and the other "
                                        + "app's health route does not probe it"
                                        : monorepo ? "of its service, which the other services' probes do not cover"
                                        : "in the repository") + "): the orchestrator cannot tell a wedged or still-loading process "
                                + "from a healthy one, so traffic keeps flowing to a replica that only returns errors, "
                                + "and a deploy sends requests to pods before the model has loaded.",
                        m.snippet(app.site()), healthFix(app.framework())));
            }
        }
        if (!facts.rateLimited()) {
            rateLimit(modules, out);
        }
        return out;
    }

    /** Service apps in at least two directory trees apart (services/api and services/ingest): separate services. */
    private static boolean monorepo(List<PyModule> modules) {
        List<String> dirs = modules.stream().filter(m -> m.role == FileRole.SERVICE && !m.apps.isEmpty())
                .map(m -> FileNames.dir(m.path)).distinct().toList();
        for (int i = 0; i < dirs.size(); i++) {
            for (int j = i + 1; j < dirs.size(); j++) {
                if (!RepoFacts.sameTree(dirs.get(i), dirs.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A health route in module {@code h} serves the app of module {@code app}: the same directory tree, or the app's
     * module imports the route's module (a router or blueprint kept in a sibling package).
     */
    private static boolean covers(PyModule h, PyModule app) {
        if (h == app || RepoFacts.sameTree(FileNames.dir(h.path), FileNames.dir(app.path))) {
            return true;
        }
        if (h.importsAny("django") && app.importsAny("django")) {
            return true; // one Django project: its apps' urls are include()d by name, not imported
        }
        return imports(app, h);
    }

    /** The app's module imports the health route's module, directly or through project modules it imports. */
    private static boolean importsTransitively(PyModule app, PyModule h, List<PyModule> modules) {
        java.util.Deque<PyModule> work = new java.util.ArrayDeque<>(List.of(app));
        java.util.Set<PyModule> seen = new java.util.HashSet<>();
        while (!work.isEmpty()) {
            PyModule m = work.pop();
            if (!seen.add(m)) {
                continue;
            }
            if (imports(m, h)) {
                return true;
            }
            for (PyModule next : modules) {
                if (!seen.contains(next) && imports(m, next)) {
                    work.push(next);
                }
            }
        }
        return false;
    }

    /** The app's module imports the health route's module (a router or blueprint kept in a sibling file). */
    private static boolean imports(PyModule app, PyModule h) {
        String dotted = RepoFacts.dotted(h.path);
        for (String i : app.projectImports) {
            if (i.equals(dotted) || i.startsWith(dotted + ".") || dotted.endsWith("." + i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHealth(Route r) {
        String p = r.path() != null ? r.path() : r.pathText();
        if (HEALTH.matcher(p).find() || HEALTH_NAME.matcher(r.handlerName()).find()) {
            return true;
        }
        // GET / answering {"status": "ok"} is what many services use as their probe target
        return "/".equals(r.path()) && r.handler() != null && ROOT_STATUS.matcher(r.handler().text()).find();
    }

    private static void rateLimit(List<PyModule> modules, List<Finding> out) {
        for (PyModule m : modules) {
            if (m.role != FileRole.SERVICE) {
                continue;
            }
            List<Route> inference = new ArrayList<>();
            for (Route r : m.routes) {
                if (limitedByDependency(r)) {
                    continue; // @app.post("/chat", dependencies=[Depends(rate_limit)]), or a limiter parameter
                }
                String path = r.path() == null ? r.pathText() : r.path();
                if (r.methods().contains(ChatBotHandlers.BOT)) {
                    if (!ChatBotHandlers.throttled(r)) {
                        inference.add(r); // anyone can make the bot call its model, as often as they type
                    }
                    continue;
                }
                if (RECORD_ACTION.matcher(path).find()) {
                    continue; // POST /users/<id>/redact acts on a stored record, not on text the client sends
                }
                boolean post = r.methods().contains("POST") || r.methods().contains("ANY");
                boolean get = r.methods().contains("GET");
                if (post && (INFERENCE.matcher(path).find() || INFERENCE.matcher(r.handlerName()).find()
                        || enqueues(r, m))
                        || get && (GET_INFERENCE.matcher(path).find() || GET_INFERENCE.matcher(r.handlerName()).find())) {
                    inference.add(r);
                }
            }
            if (inference.isEmpty()) {
                continue;
            }
            Route first = inference.get(0);
            String paths = String.join(", ", inference.stream()
                    .map(r -> r.path() == null ? r.pathText() : r.path()).distinct().toList());
            // a Django route names a view in views.py: the limit (django-ratelimit's decorator) goes on the view
            View view = first.handler() == null ? djangoView(first, m, modules) : null;
            PyModule at = view == null ? m : view.module();
            PyNode site = view == null ? first.site() : view.node();
            out.add(new Finding("PY-RATE-001", Category.NO_RATE_LIMIT, Severity.P2, at.path, site.line(),
                    "The public inference endpoint" + (inference.size() > 1 ? "s " : " ") + paths + " "
                            + (inference.size() > 1 ? "have" : "has") + " no rate limit anywhere in the service "
                            + "(no limiter library, no gateway annotation): one client looping on it saturates the "
                            + "model workers and every other user times out; a cost-per-call model runs up the bill.",
                    at.snippet(site), rateFix(m)));
        }
    }

    /** A Django view: the function (or the class of a class-based view) and its module. */
    private record View(PyModule module, PyNode node) {
    }

    /**
     * The view function or class a Django route of {@code urls} names ({@code views.predict},
     * {@code PredictView.as_view()}), in another module of the service: one in the same directory tree first.
     */
    private static View djangoView(Route r, PyModule urls, List<PyModule> modules) {
        if (!r.methods().contains("ANY")) {
            return null;
        }
        String name = r.handlerName().replaceFirst("\\.as_view\\(.*$", "");
        name = name.substring(name.lastIndexOf('.') + 1);
        View found = null;
        for (PyModule v : modules) {
            if (v == urls) {
                continue;
            }
            for (PyNode def : v.functions.getOrDefault(name, List.of())) {
                if (v.handlers.contains(def) && (found == null
                        || RepoFacts.sameTree(FileNames.dir(v.path), FileNames.dir(urls.path)))) {
                    found = new View(v, def);
                }
            }
            if (v.classes.contains(name)) {
                for (PyNode h : v.handlers) {
                    PyNode cls = Syntax.ownerClass(h);
                    if (cls != null && Syntax.functionName(cls).equals(name) && (found == null
                            || RepoFacts.sameTree(FileNames.dir(v.path), FileNames.dir(urls.path)))) {
                        found = new View(v, cls);
                    }
                }
            }
        }
        return found;
    }

    /** The route runs a limiter dependency of its own: in its decorator, or as a parameter's {@code Depends(...)}. */
    private static boolean limitedByDependency(Route r) {
        java.util.List<PyNode> places = new java.util.ArrayList<>();
        if (r.site() != null && r.site().is("decorator")) {
            places.add(r.site());
        }
        if (r.handler() != null && r.handler().field("parameters") != null) {
            places.add(r.handler().field("parameters"));
        }
        for (PyNode place : places) {
            for (PyNode c : place.descendants("call", false)) {
                String n = Syntax.calleeName(c);
                if ((n.equals("Depends") || n.equals("Security")) && WebIndex.RATE_DEPENDENCY.matcher(c.text()).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A POST that hands work to a queue (Celery's {@code delay}/{@code apply_async}/{@code send_task}, RQ's
     * {@code enqueue}, a Redis list push): each call buys a model run on a worker, whatever the route is named.
     */
    private static boolean enqueues(Route r, PyModule m) {
        PyNode handler = r.handler();
        if (handler == null) {
            return false;
        }
        for (PyNode c : handler.descendants("call", true)) {
            if (ENQUEUE.contains(Syntax.calleeName(c)) && c.field("function") != null
                    && c.field("function").is("attribute")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> ENQUEUE = Set.of("delay", "apply_async", "send_task", "enqueue", "enqueue_call",
            "lpush", "rpush", "xadd");

    private static String rateFix(PyModule m) {
        if (m.importsAny("discord")) {
            return "from discord.ext import commands\n"
                    + "@bot.command()\n@commands.cooldown(1, 10, commands.BucketType.user)  # 1 call per user per 10 s\n"
                    + "# in on_message: keep a per-user timestamp (a bounded TTLCache) and ignore bursts";
        }
        if (m.routes.stream().anyMatch(r -> r.methods().contains(ChatBotHandlers.BOT))) {
            // a Telegram or Slack bot: no client IP, no web framework; the chat or user is the key
            return "last_seen = cachetools.TTLCache(maxsize=10_000, ttl=60)  # chat id -> last request\n"
                    + "def too_fast(chat_id) -> bool:\n    now = time.monotonic()\n"
                    + "    if now - last_seen.get(chat_id, 0.0) < 5:\n        return True\n"
                    + "    last_seen[chat_id] = now\n    return False\n"
                    + "# first line of each handler: if too_fast(chat_id): reply \"one at a time, please\" and return\n"
                    + "# aiogram: dp.message.middleware(ThrottlingMiddleware(rate=1.0))";
        }
        if (m.importsAny("gradio")) {
            return "demo.queue(max_size=20, default_concurrency_limit=2)  # bounds the backlog, not the rate\n"
                    + "# per-client limits belong in front of it: nginx.ingress.kubernetes.io/limit-rps: \"2\"\n"
                    + "# or mount it in FastAPI (gr.mount_gradio_app) behind slowapi";
        }
        if (m.apps.stream().anyMatch(a -> a.framework().equals("http.server"))
                || m.routes.stream().anyMatch(r -> r.handlerName().startsWith("do_"))) {
            return "# http.server has no limiter: put one in front of it\n"
                    + "nginx.ingress.kubernetes.io/limit-rps: \"10\"   # Ingress annotation\n"
                    + "# or serve the model with FastAPI + slowapi (@limiter.limit(\"10/second\"))";
        }
        if (m.importsAny("sanic")) {
            return "from sanic_limiter import Limiter, get_remote_address\n"
                    + "limiter = Limiter(app, global_limits=[\"30 per minute\"], key_func=get_remote_address)\n"
                    + "# or at the gateway: nginx.ingress.kubernetes.io/limit-rps: \"10\"";
        }
        if (m.importsAny("django", "rest_framework")) {
            return "from django_ratelimit.decorators import ratelimit\n"
                    + "@ratelimit(key=\"ip\", rate=\"10/m\", block=True)  # on the view (DRF: throttle_classes)\n"
                    + "def predict(request): ...\n"
                    + "# or at the gateway: nginx.ingress.kubernetes.io/limit-rps: \"10\"";
        }
        if (m.importsAny("fastapi", "starlette")) {
            return "from slowapi import Limiter\nfrom slowapi.util import get_remote_address\n"
                    + "limiter = Limiter(key_func=get_remote_address)\napp.state.limiter = limiter\n"
                    + "@limiter.limit(\"10/second\")  # on the predict route (it needs a `request: Request` param)\n"
                    + "# or at the gateway: nginx.ingress.kubernetes.io/limit-rps: \"10\"";
        }
        return "from flask_limiter import Limiter\nfrom flask_limiter.util import get_remote_address\n"
                + "limiter = Limiter(get_remote_address, app=app, default_limits=[\"600/minute\"])\n"
                + "@limiter.limit(\"10/second\")  # on the predict route\n"
                + "# or at the gateway: nginx.ingress.kubernetes.io/limit-rps: \"10\"";
    }

    private static String healthFix(String framework) {
        return switch (framework.toLowerCase(Locale.ROOT)) {
            case "fastapi" -> "@app.get(\"/healthz\")\ndef healthz():\n    return {\"status\": \"ok\"}\n\n"
                    + "@app.get(\"/readyz\")\ndef readyz():\n    if MODEL is None:\n"
                    + "        raise HTTPException(503, \"model not loaded\")\n    return {\"status\": \"ready\"}";
            case "aiohttp" -> "async def healthz(request):\n    return web.json_response({\"status\": \"ok\"})\n"
                    + "app.router.add_get(\"/healthz\", healthz)";
            case "django" -> "urlpatterns += [path(\"healthz/\", lambda r: JsonResponse({\"status\": \"ok\"}))]";
            case "grpc" -> "from grpc_health.v1 import health, health_pb2, health_pb2_grpc\n"
                    + "health_servicer = health.HealthServicer()\n"
                    + "health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)\n"
                    + "health_servicer.set(\"\", health_pb2.HealthCheckResponse.SERVING)  # once the model is loaded\n"
                    + "# probe: grpc: {port: 50051} in the pod spec (Kubernetes 1.24+)";
            case "starlette" -> "Route(\"/healthz\", lambda request: JSONResponse({\"status\": \"ok\"}))";
            case "http.server" -> "def do_GET(self):\n    if self.path == \"/healthz\":\n        self.send_response(200)\n"
                    + "        self.end_headers()\n        self.wfile.write(b'{\"status\": \"ok\"}')\n        return\n"
                    + "# probe it: readinessProbe: {httpGet: {path: /healthz, port: 8000}}";
            default -> "@app.get(\"/healthz\")\ndef healthz():\n    return {\"status\": \"ok\"}, 200\n\n"
                    + "@app.get(\"/readyz\")\ndef readyz():\n    return ({\"status\": \"ready\"}, 200) if MODEL is not None "
                    + "else ({\"status\": \"loading\"}, 503)";
        };
    }
}
