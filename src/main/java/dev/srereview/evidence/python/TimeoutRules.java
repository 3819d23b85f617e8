package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * missing-timeout: outbound calls that can block a worker forever because the library's default is none.
 * boto3 (60 s connect and read) and aiohttp (a 5-minute total) have finite defaults: not "no timeout", which is what
 * the category means (review-contract.md §4), and every independent answer key agreed (docs/evidence.md).
 */
final class TimeoutRules implements NodeRule {
    private static final Set<String> HTTP_VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options",
            "request");
    static final Set<String> SESSIONS = Set.of("requests.Session", "requests.session",
            "requests.sessions.Session");
    private static final Set<String> SUBPROCESS = Set.of("subprocess.run", "subprocess.call", "subprocess.check_call",
            "subprocess.check_output");
    private static final Set<String> REDIS = Set.of("redis.Redis", "redis.StrictRedis", "redis.from_url",
            "redis.Redis.from_url", "redis.StrictRedis.from_url", "redis.asyncio.Redis", "redis.asyncio.from_url",
            "redis.client.Redis");
    private static final Set<String> MONGO = Set.of("pymongo.MongoClient", "motor.motor_asyncio.AsyncIOMotorClient");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("call", "await");
    }

    @Override
    public void check(PyNode call, Scan scan) {
        if (scan.role() == FileRole.TEST) {
            return;
        }
        if (call.is("await")) {
            awaitedInference(call, scan);
            return;
        }
        PyModule m = scan.module;
        String q = m.callee(call);
        int dot = q.lastIndexOf('.');
        String owner = dot < 0 ? "" : q.substring(0, dot);
        String method = dot < 0 ? q : q.substring(dot + 1);
        if ((owner.equals("requests") || SESSIONS.contains(owner)) && HTTP_VERBS.contains(method)) {
            if (missing(call, "timeout", -1) && !(SESSIONS.contains(owner) && defaultTimeout(call, m))) {
                report(scan, call, "PY-TIMEOUT-001", "`" + q.replace("requests.Session", "session") + "` has no timeout",
                        "requests waits forever by default",
                        fixWithKw(call, "timeout=(3.05, 10)  # connect, read seconds"));
            }
        } else if (q.equals("urllib.request.urlopen")) {
            if (missing(call, "timeout", 2)) {
                report(scan, call, "PY-TIMEOUT-002", "urlopen() has no timeout",
                        "urllib uses the global socket default, which is no timeout",
                        fixWithKw(call, "timeout=10"));
            }
        } else if (q.equals("http.client.HTTPConnection") || q.equals("http.client.HTTPSConnection")) {
            if (missing(call, "timeout", 2)) {
                report(scan, call, "PY-TIMEOUT-003", "the http.client connection has no timeout",
                        "http.client connections block forever by default", fixWithKw(call, "timeout=10"));
            }
        } else if (q.equals("socket.create_connection")) {
            if (missing(call, "timeout", 1)) {
                report(scan, call, "PY-TIMEOUT-004", "socket.create_connection() has no timeout",
                        "sockets block forever by default", fixWithKw(call, "timeout=5"));
            }
        } else if (q.equals("socket.socket")) {
            rawSocket(call, scan);
        } else if (q.equals("psycopg2.connect") || q.equals("psycopg.connect")) {
            if (!mentions(call, "connect_timeout")) {
                report(scan, call, "PY-TIMEOUT-005", "the PostgreSQL connection has no connect_timeout",
                        "libpq waits for the TCP connect indefinitely",
                        fixWithKw(call, "connect_timeout=5, options=\"-c statement_timeout=5000\""));
            }
        } else if (ENGINES.contains(q)) {
            sqlEngine(call, scan);
        } else if (method.equals("flush") && m.importsAny("confluent_kafka") && !(call.parent != null && call.parent.is("await"))
                && (q.equals("confluent_kafka.Producer.flush") || owner.toLowerCase(java.util.Locale.ROOT).endsWith("producer"))) {
            // confluent-kafka's flush(timeout=-1) waits for every queued message to be delivered: with the broker
            // gone, shutdown hangs until the orchestrator kills the pod, and the undelivered messages go with it
            if (missing(call, "timeout", 0)) {
                report(scan, call, "PY-TIMEOUT-016", "`" + call.field("function").text() + "()` has no timeout",
                        "confluent-kafka's flush() waits forever for delivery by default",
                        fixWithKw(call, "timeout=10  # then log len(producer) messages left undelivered"));
            }
        } else if (q.equals("ray.get")) {
            if (missing(call, "timeout", -1)) {
                report(scan, call, "PY-TIMEOUT-015", "ray.get() has no timeout",
                        "it waits for the remote task or actor as long as it runs, and forever if it hangs",
                        fixWithKw(call, "timeout=30"));
            }
        } else if (owner.endsWith("Stub") && !method.isEmpty() && Character.isUpperCase(method.charAt(0))) {
            // a generated gRPC stub's RPC (stub.Predict(request)): no deadline means wait forever
            if (missing(call, "timeout", -1)) {
                report(scan, call, "PY-TIMEOUT-013", "the gRPC call `" + method + "` has no deadline",
                        "gRPC waits forever by default", fixWithKw(call, "timeout=5.0"));
            }
        } else if (q.equals("tritonclient.grpc.InferenceServerClient.infer")
                || q.equals("tritonclient.grpc.aio.InferenceServerClient.infer")) {
            if (missing(call, "client_timeout", -1)) {
                report(scan, call, "PY-TIMEOUT-013", "Triton's gRPC infer() has no client_timeout",
                        "the Triton gRPC client waits forever by default", fixWithKw(call, "client_timeout=5.0"));
            }
        } else if (q.equals("asyncpg.create_pool") || q.equals("asyncpg.connect")) {
            if (!mentions(call, "command_timeout")) {
                report(scan, call, "PY-TIMEOUT-005", "the asyncpg " + (q.endsWith("pool") ? "pool" : "connection")
                                + " has no command_timeout",
                        "asyncpg lets a query run (and its caller await) forever by default",
                        fixWithKw(call, "command_timeout=5"));
            }
        } else if (MONGO.contains(q)) {
            if (!mentions(call, "serverSelectionTimeoutMS") && !mentions(call, "socketTimeoutMS")
                    && !mentions(call, "timeoutMS") && !mentions(call, "connectTimeoutMS")) {
                report(scan, call, "PY-TIMEOUT-006", "MongoClient has no socketTimeoutMS/serverSelectionTimeoutMS",
                        "operations wait 30 s for a server and then forever on a stalled socket",
                        fixWithKw(call, "serverSelectionTimeoutMS=3000, socketTimeoutMS=5000"));
            }
        } else if (REDIS.contains(q)) {
            if (!mentions(call, "socket_timeout")) {
                report(scan, call, "PY-TIMEOUT-007", "the Redis client has no socket_timeout",
                        "redis-py blocks forever on a stalled connection by default",
                        fixWithKw(call, "socket_timeout=2, socket_connect_timeout=2"));
            }
        } else if (SUBPROCESS.contains(q)) {
            if (missing(call, "timeout", -1)) {
                report(scan, call, "PY-TIMEOUT-008", "`" + q + "` has no timeout",
                        "a hung child process blocks this one forever", fixWithKw(call, "timeout=60"));
            }
        } else if (q.equals("subprocess.Popen.communicate") || q.equals("subprocess.Popen.wait")) {
            if (missing(call, "timeout", method.equals("wait") ? 0 : 1)) {
                report(scan, call, "PY-TIMEOUT-008", "`process." + method + "()` has no timeout",
                        "a hung child process blocks this one forever",
                        fixWithKw(call, "timeout=60") + "  # then proc.kill() on subprocess.TimeoutExpired");
            }
        } else if (method.equals("get") && missing(call, "timeout", 0) && PendingResults.celery(call, q)) {
            report(scan, call, "PY-TIMEOUT-017", "the Celery result's `get()` has no timeout",
                    "it waits for the task as long as the task takes, forever if a worker died holding it",
                    fixWithKw(call, "timeout=30") + "  # and answer 202 + a status URL instead of waiting in a request");
        } else if (method.equals("result") && Syntax.positional(call).isEmpty() && missing(call, "timeout", 0)
                && PendingResults.future(Syntax.receiver(call), scan.module)) {
            report(scan, call, "PY-TIMEOUT-009", "future.result() has no timeout",
                    "a task that never finishes blocks the caller forever",
                    "result = future.result(timeout=30)  # and handle concurrent.futures.TimeoutError");
        } else if (owner.startsWith("httpx") || owner.startsWith("requests")) {
            PyNode t = Syntax.keyword(call, "timeout");
            if (t != null && t.is("none")) {
                // at the keyword: in a multi-line constructor that is the line that says it
                report(scan, t.parent, "PY-TIMEOUT-012", "`timeout=None` switches the timeout off",
                        "the call can now wait forever", "timeout=10.0");
            }
        }
    }

    /**
     * The session was given a default timeout: {@code s.request = functools.partial(s.request, timeout=10)} for the
     * same object in this module.
     */
    private static boolean defaultTimeout(PyNode call, PyModule m) {
        PyNode recv = Syntax.receiver(call);
        if (recv == null || !m.sourceContains("timeout")) {
            return false;
        }
        return m.timedSessions.computeIfAbsent(recv.text(), k -> timedSession(recv, m));
    }

    /**
     * The session object was given a default timeout in this module: {@code s.request = functools.partial(s.request,
     * timeout=10)}, or {@code s.mount("https://", TimeoutHTTPAdapter(timeout=5))} (an adapter whose {@code send}
     * fills in a timeout, the requests documentation's recipe) — on the object itself, or inside the factory that
     * returns it ({@code self.http = make_session()}, {@code make_session().get(url)}).
     */
    private static boolean timedSession(PyNode recv, PyModule m) {
        List<PyNode> mounts = m.calls.stream().filter(c -> Syntax.calleeName(c).equals("mount")).toList();
        if (timedIn(recv.text(), m.assignments, mounts, m)) {
            return true;
        }
        List<String> factories = new java.util.ArrayList<>();
        if (recv.is("call") && recv.field("function") != null && recv.field("function").is("identifier")) {
            factories.add(recv.field("function").text());
        }
        for (PyNode a : m.assignments) {
            PyNode left = a.field("left");
            PyNode right = a.field("right");
            if (left != null && right != null && left.text().equals(recv.text()) && right.is("call")
                    && right.field("function") != null && right.field("function").is("identifier")) {
                factories.add(right.field("function").text());
            }
        }
        for (String f : factories) {
            for (PyNode def : m.functions.getOrDefault(f, List.of())) {
                List<PyNode> assignments = def.descendants("assignment", true);
                List<PyNode> calls = def.descendants("call", true).stream()
                        .filter(c -> Syntax.calleeName(c).equals("mount")).toList();
                for (String v : Syntax.returnedNames(def)) {
                    if (timedIn(v, assignments, calls, m)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Among these assignments and mount calls, {@code session} gets a partial with a timeout or a timeout adapter. */
    private static boolean timedIn(String session, List<PyNode> assignments, List<PyNode> mounts, PyModule m) {
        String target = session + ".request";
        for (PyNode a : assignments) {
            PyNode left = a.field("left");
            PyNode right = a.field("right");
            if (left != null && right != null && left.text().equals(target) && right.is("call")
                    && Syntax.calleeName(right).equals("partial") && Syntax.hasKeyword(right, "timeout")) {
                return true;
            }
        }
        for (PyNode c : mounts) {
            PyNode r = Syntax.receiver(c);
            PyNode adapter = Syntax.positional(c, 1);
            if (r == null || !r.text().equals(session) || adapter == null) {
                continue;
            }
            if (adapter.is("identifier")) {
                PyNode scope = Syntax.enclosingFunction(c);
                for (PyNode a : assignments) {
                    PyNode left = a.field("left");
                    if (left != null && left.text().equals(adapter.text()) && a.field("right") != null
                            && a.field("right").is("call") && Syntax.enclosingFunction(a) == scope) {
                        adapter = a.field("right");
                        break;
                    }
                }
            }
            if (adapter.is("call") && m.timeoutAdapters().contains(Syntax.calleeName(adapter))) {
                return true;
            }
        }
        return false;
    }

    /** No keyword {@code kw}, no positional at {@code position} (when >= 0), no **kwargs that might carry it. */
    private static boolean missing(PyNode call, String kw, int position) {
        PyNode k = Syntax.keyword(call, kw);
        if (k != null) {
            return k.is("none");
        }
        if (Syntax.hasKwSplat(call) || Syntax.hasListSplat(call)) {
            return false;
        }
        return position < 0 || Syntax.positional(call).size() <= position;
    }

    private static final Set<String> ENGINES = Set.of("sqlalchemy.create_engine",
            "sqlalchemy.ext.asyncio.create_async_engine", "sqlmodel.create_engine");

    /**
     * A SQLAlchemy engine whose driver connects with no timeout: libpq and the MySQL drivers wait for the TCP
     * connect as long as the kernel does, and {@code pool_timeout} only bounds the wait for a pooled connection.
     * SQLite has no network; {@code connect_args={"connect_timeout": 5}} or {@code ?connect_timeout=5} bounds it.
     */
    private static void sqlEngine(PyNode call, Scan scan) {
        PyNode url = Syntax.positional(call, 0);
        if (url == null) {
            url = Syntax.keyword(call, "url");
        }
        String lit = url == null ? null : Syntax.literal(url);
        if (lit != null && (lit.startsWith("sqlite") || lit.contains("timeout"))
                || url != null && url.text().toLowerCase(Locale.ROOT).contains("sqlite")
                || Syntax.hasKwSplat(call)) {
            return;
        }
        PyNode args = Syntax.keyword(call, "connect_args");
        if (args != null && (args.text().contains("timeout") || !args.is("dictionary"))) {
            return;
        }
        report(scan, call, "PY-TIMEOUT-014", "the database engine connects with no timeout",
                "the driver waits for the TCP connect as long as the kernel does (pool_timeout only bounds the pool)",
                fixWithKw(call, "connect_args={\"connect_timeout\": 5}"));
    }

    /** The option appears as a keyword or inside a literal URI/DSN; **kwargs are given the benefit of the doubt. */
    private static boolean mentions(PyNode call, String option) {
        if (Syntax.hasKeyword(call, option) || Syntax.hasKwSplat(call)) {
            return true;
        }
        for (PyNode p : Syntax.positional(call)) {
            String lit = Syntax.literal(p);
            if (lit != null && lit.contains(option)) {
                return true;
            }
        }
        return false;
    }

    private static void rawSocket(PyNode call, Scan scan) {
        PyNode assign = call.parent;
        if (assign == null || !assign.is("assignment") || assign.field("left") == null) {
            return;
        }
        String var = assign.field("left").text();
        PyNode family = Syntax.positional(call, 0);
        if (family != null && family.text().endsWith("AF_UNIX")) {
            return; // a local socket file, not a network peer
        }
        boolean connects = false;
        for (PyNode c : scan.module.calls) {
            PyNode recv = Syntax.receiver(c);
            String name = Syntax.calleeName(c);
            if (scan.module.callee(c).equals("socket.setdefaulttimeout")) {
                return;
            }
            if (recv != null && recv.text().equals(var)) {
                if (name.equals("settimeout") || name.equals("setblocking")) {
                    return;
                }
                connects |= name.equals("connect");
            }
        }
        if (connects) {
            report(scan, call, "PY-TIMEOUT-004", "this socket connects with no settimeout()",
                    "sockets block forever by default", var + ".settimeout(5)  # before connect()");
        }
    }

    private static String fixWithKw(PyNode call, String kw) {
        String text = call.text().strip();
        if (text.contains("\n") || text.length() > 120 || !text.endsWith(")")) {
            return "pass " + kw + " to " + call.field("function").text() + "(...)";
        }
        String inner = text.substring(0, text.length() - 1).strip();
        return inner + (inner.endsWith("(") ? "" : ", ") + kw.replaceAll("\\s*#.*$", "") + ")";
    }

    /** Work handed to an executor, thread or batch worker, as the request waits for its result. */
    private static final Set<String> HANDED_OFF = Set.of("create_future", "run_in_executor", "to_thread", "Future");

    /**
     * {@code await fut} (a future a batch worker resolves, or an executor's), {@code await loop.run_in_executor(…)},
     * {@code await asyncio.gather(*futures)} of such work, on the request path with no {@code asyncio.wait_for} or
     * {@code asyncio.timeout} around it: if the worker dies or the model hangs, the request waits forever.
     */
    private static void awaitedInference(PyNode await, Scan scan) {
        if (!scan.module.onRequestPath(await) || await.named().isEmpty()) {
            return;
        }
        PyNode e = await.named().get(0);
        PyNode def = Syntax.enclosingFunction(await);
        boolean handedOff;
        if (e.is("identifier")) {
            handedOff = def != null && def.descendants("assignment", true).stream().anyMatch(a ->
                    a.field("left") != null && a.field("left").text().equals(e.text()) && a.field("right") != null
                            && a.field("right").is("call") && HANDED_OFF.contains(Syntax.calleeName(a.field("right"))));
        } else if (e.is("call")) {
            String name = Syntax.calleeName(e);
            handedOff = HANDED_OFF.contains(name) && !name.equals("Future") && !name.equals("create_future")
                    || name.equals("gather") && def != null && def.text().contains("run_in_executor");
        } else {
            return;
        }
        if (!handedOff || underTimeout(await)) {
            return;
        }
        report(scan, await, "PY-TIMEOUT-009", "`" + await.text().replaceAll("\\s+", " ") + "` waits with no timeout",
                "if the worker or the model hangs, or the worker dies before it sets the result, this await never "
                        + "returns",
                "result = await asyncio.wait_for(" + e.text().replaceAll("\\s+", " ") + ", timeout=30)"
                        + "  # and answer 503/504 on asyncio.TimeoutError");
    }

    /** Inside {@code async with asyncio.timeout(…)} / {@code async_timeout.timeout(…)} / {@code anyio.fail_after}. */
    private static boolean underTimeout(PyNode n) {
        for (PyNode p = n.parent; p != null && !p.is("function_definition"); p = p.parent) {
            if (p.is("with_statement") && p.text().matches("(?s)async\\s+with\\s+[\\w.]*(timeout|fail_after|move_on_after)\\(.*")) {
                return true;
            }
        }
        return false;
    }

    private static void report(Scan scan, PyNode call, String id, String what, String why, String fix) {
        boolean request = scan.module.onRequestPath(call);
        Severity sev = switch (scan.role()) {
            case SERVICE -> request || id.equals("PY-TIMEOUT-009") ? Severity.P1 : Severity.P2;
            case SCRIPT -> Severity.P2;
            default -> Severity.P3;
        };
        if (id.equals("PY-TIMEOUT-014")) {
            sev = Scan.lower(sev);
        }
        String who = request ? "this request handler" : scan.role() == FileRole.SERVICE ? "a service worker"
                : "this process";
        scan.emit(id, Category.MISSING_TIMEOUT, sev, call,
                what + ": " + why + ". When the remote side stalls, " + who + " hangs with it; under load every "
                        + "worker ends up stuck and the whole service stops answering until it is restarted.",
                fix);
    }
}
