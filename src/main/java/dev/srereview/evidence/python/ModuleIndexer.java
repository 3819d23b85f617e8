package dev.srereview.evidence.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Collects a module's facts (imports, assigned objects, functions, guards, routes) before the rules run. */
final class ModuleIndexer {
    private static final Pattern MAIN_GUARD = Pattern.compile(
            "__name__\\s*==\\s*['\"]__main__['\"]|['\"]__main__['\"]\\s*==\\s*__name__");
    private static final Pattern LEADING_DOTS = Pattern.compile("^\\.+");
    private static final byte[] SIGTERM = "SIGTERM".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SHUTDOWN = "shutdown".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ModuleIndexer() {
    }

    /**
     * Indexes the module in one walk of its tree: imports first (anywhere in the file), so that assignments
     * resolve through them, then assignments, functions, guards and shutdown facts, then web apps and routes, all
     * in source order. The same walk records the nodes the rules dispatch on ({@code ruleTypes}) and every call
     * and assignment, so no later pass walks the whole tree again.
     */
    static void index(PyModule m, Set<String> ruleTypes) {
        List<PyNode> imports = new ArrayList<>();
        List<PyNode> facts = new ArrayList<>();
        m.root.visit(false, n -> {
            switch (n.type) {
                case "import_statement", "import_from_statement" -> imports.add(n);
                case "call" -> {
                    m.calls.add(n);
                    facts.add(n);
                }
                case "assignment" -> {
                    m.assignments.add(n);
                    facts.add(n);
                }
                case "as_pattern", "function_definition", "if_statement", "decorator", "class_definition" ->
                        facts.add(n);
                default -> {
                }
            }
            if (ruleTypes.contains(n.type)) {
                m.ruleNodes.add(n);
            }
        });
        for (PyNode n : imports) {
            if (n.is("import_statement")) {
                importStatement(m, n);
            } else {
                importFrom(m, n);
            }
        }
        // A helper returning a gRPC stub, Triton client or message consumer: only where the source names one (most
        // modules do not); known before any assignment is bound, so a helper defined below its caller counts too.
        boolean stubs = m.sourceContains("Stub") || m.sourceContains("InferenceServerClient")
                || m.sourceContains("Consumer");
        boolean sessions = m.sourceContains("Session(");
        if (stubs || sessions) {
            for (PyNode n : facts) {
                if (n.is("function_definition")) {
                    if (stubs) {
                        returnedStub(m, n);
                    }
                    if (sessions) {
                        returnedSession(m, n);
                    }
                }
            }
        }
        List<PyNode> sigterm = new ArrayList<>();
        for (PyNode n : facts) {
            switch (n.type) {
                case "assignment" -> assignment(m, n);
                case "as_pattern" -> withAlias(m, n);
                case "function_definition" -> {
                    m.functions.computeIfAbsent(Syntax.functionName(n), k -> new ArrayList<>()).add(n);
                    annotatedSessions(m, n);
                }
                case "if_statement" -> {
                    PyNode cond = n.field("condition");
                    if (n.parent != null && n.parent.is("module") && cond != null
                            && MAIN_GUARD.matcher(cond.text()).find()) {
                        m.mainGuards.add(n);
                    }
                }
                case "call" -> shutdownFacts(m, n, sigterm);
                case "class_definition" -> {
                    if (n.field("name") != null) {
                        m.classes.add(n.field("name").text());
                    }
                }
                default -> {
                }
            }
        }
        for (PyNode call : sigterm) {
            PyNode handler = Syntax.positional(call, 1); // signal.signal(SIGTERM, h), loop.add_signal_handler(SIGTERM, h)
            if (!exitsAtOnce(m, handler)) {
                m.handlesSigterm = true;
            }
        }
        m.namesBound = true; // nothing below binds imports or assigned objects
        WebIndex.index(m, facts);
        // A module whose functions serve requests (Django views, BentoML APIs) is a service even with no route table
        m.role = FileRole.of(m.path, m.kind, !m.routes.isEmpty() || !m.handlers.isEmpty(), !m.apps.isEmpty());
        requestPath(m);
    }

    private static void importStatement(PyModule m, PyNode n) {
        for (PyNode c : n.named()) {
            if (c.is("dotted_name")) {
                String full = c.text();
                m.importedModules.add(full);
                m.projectImports.add(full);
                m.wholeImports.add(full);
                String head = full.contains(".") ? full.substring(0, full.indexOf('.')) : full;
                m.imports.putIfAbsent(head, head);
            } else if (c.is("aliased_import")) {
                PyNode name = c.field("name");
                PyNode alias = c.field("alias");
                if (name != null && alias != null) {
                    m.importedModules.add(name.text());
                    m.projectImports.add(name.text());
                    m.wholeImports.add(name.text());
                    m.imports.put(alias.text(), name.text());
                }
            }
        }
    }

    private static void importFrom(PyModule m, PyNode n) {
        PyNode module = n.field("module_name");
        if (module == null) {
            return;
        }
        boolean relative = module.is("relative_import");
        String base = relative ? LEADING_DOTS.matcher(module.text()).replaceFirst("") : module.text();
        String absolute = relative ? resolveRelative(m.path, module.text()) : base;
        if (!relative) {
            m.importedModules.add(base);
        }
        if (absolute != null) {
            if (!absolute.isEmpty()) {
                m.projectImports.add(absolute);
            }
            for (PyNode c : n.fields("name")) {
                PyNode nm = c.is("aliased_import") ? c.field("name") : c;
                if (nm != null) {
                    m.projectImports.add(absolute.isEmpty() ? nm.text() : absolute + "." + nm.text());
                    m.wholeImports.add(absolute.isEmpty() ? nm.text() : absolute + "." + nm.text()); // may be a module
                }
            }
        }
        for (PyNode c : n.fields("name")) {
            String name;
            String local;
            if (c.is("aliased_import")) {
                PyNode nm = c.field("name");
                PyNode al = c.field("alias");
                if (nm == null || al == null) {
                    continue;
                }
                name = nm.text();
                local = al.text();
            } else {
                name = c.text();
                local = name;
            }
            String q = base.isEmpty() ? name : base + "." + name;
            m.imports.put(local, q);
            if (!relative) {
                m.importedModules.add(q);
            }
        }
    }

    /**
     * {@code from ..pkg import x} in {@code a/b/c.py}: one dot is the file's own package ({@code a.b}), each further dot
     * one package up. Null when it climbs above the repository.
     */
    static String resolveRelative(String path, String spec) {
        int dots = 0;
        while (dots < spec.length() && spec.charAt(dots) == '.') {
            dots++;
        }
        String[] parts = path.split("/");
        int keep = parts.length - 1 - (dots - 1);
        if (keep < 0) {
            return null;
        }
        String pkg = String.join(".", Arrays.copyOfRange(parts, 0, keep));
        String rest = spec.substring(dots);
        return pkg.isEmpty() ? rest : rest.isEmpty() ? pkg : pkg + "." + rest;
    }

    private static void assignment(PyModule m, PyNode n) {
        PyNode left = n.field("left");
        PyNode right = n.field("right");
        if (left == null || right == null || !(left.is("identifier") || left.is("attribute"))) {
            return;
        }
        bind(m, left.text(), right);
    }

    private static void withAlias(PyModule m, PyNode n) {
        if (n.parent == null || !n.parent.is("with_item")) {
            return;
        }
        PyNode alias = n.field("alias");
        List<PyNode> named = n.named();
        if (alias == null || named.isEmpty()) {
            return;
        }
        String name = alias.text().trim();
        bind(m, name, named.get(0));
    }

    /**
     * Sessions known from annotations: {@code def fetch(session: requests.Session)} and
     * {@code def get_session() -> requests.Session}, so a session made in one function and used in another is still
     * a session. Only requests' session classes: an annotation is a promise about one type, not a general binding.
     */
    private static void annotatedSessions(PyModule m, PyNode def) {
        PyNode params = def.field("parameters");
        if (params != null) {
            for (PyNode p : params.named()) {
                if (!p.is("typed_parameter") && !p.is("typed_default_parameter")) {
                    continue;
                }
                PyNode name = Syntax.parameterName(p);
                String session = sessionType(m, p.field("type"));
                if (name != null && session != null) {
                    m.varTypes.putIfAbsent(name.text(), session);
                }
            }
        }
        String returned = sessionType(m, def.field("return_type"));
        if (returned != null) {
            m.returnTypes.put(Syntax.functionName(def), returned);
        }
    }

    /**
     * {@code def _stub(): return scoring_pb2_grpc.ScorerStub(channel)} (often cached): a call to it is the stub, so
     * {@code _stub().Score(req)} is an RPC like {@code stub.Score(req)}; the same for a Triton client, and for a
     * message consumer ({@code consumer = connect_consumer()} then {@code for msg in consumer:} is a worker loop).
     */
    private static void returnedStub(PyModule m, PyNode def) {
        PyNode annotation = def.field("return_type");
        String declared = annotation == null || annotation.named().isEmpty() ? null : m.qualify(annotation.named().get(0));
        if (declared != null && clientClass(declared)) {
            m.returnTypes.put(Syntax.functionName(def), declared); // def _client() -> grpcclient.InferenceServerClient
            return;
        }
        for (PyNode r : def.descendants("return_statement", true)) {
            PyNode v = r.named().isEmpty() ? null : r.named().get(0);
            if (v != null && v.is("call")) {
                String q = m.callee(v);
                if (clientClass(q)) {
                    m.returnTypes.put(Syntax.functionName(def), q);
                    return;
                }
            }
        }
    }

    /**
     * {@code def make_session(): s = requests.Session(); s.mount(...); return s} with no annotation: a call to it is a
     * session, so {@code self.http = make_session()} then {@code self.http.get(url)} is judged as a session's call.
     */
    private static void returnedSession(PyModule m, PyNode def) {
        if (def.field("return_type") != null) {
            return; // annotated: annotatedSessions reads it
        }
        for (String v : Syntax.returnedNames(def)) {
            for (PyNode a : def.descendants("assignment", true)) {
                PyNode left = a.field("left");
                PyNode right = a.field("right");
                if (left != null && right != null && left.text().equals(v) && right.is("call")
                        && TimeoutRules.SESSIONS.contains(m.callee(right))) {
                    m.returnTypes.put(Syntax.functionName(def), m.callee(right));
                    return;
                }
            }
        }
    }

    /**
     * A gRPC stub class or Triton's client (their calls wait forever without a deadline), or a Kafka-style consumer
     * class (iterating it is a worker's message loop).
     */
    private static boolean clientClass(String q) {
        return (q.endsWith("Stub") || q.endsWith(".InferenceServerClient") || q.endsWith("Consumer"))
                && q.contains(".");
    }

    private static String sessionType(PyModule m, PyNode type) {
        if (type == null) {
            return null;
        }
        List<PyNode> inner = type.named();
        String q = m.qualify(inner.size() == 1 ? inner.get(0) : type);
        // requests' sessions, and httpx's clients (whose explicit timeout=None switches their default off)
        return q != null && (TimeoutRules.SESSIONS.contains(q) || q.equals("httpx.Client") || q.equals("httpx.AsyncClient"))
                ? q : null;
    }

    private static void bind(PyModule m, String name, PyNode value) {
        PyNode v = value;
        if (v.is("await") && v.named().size() == 1) {
            v = v.named().get(0);
        }
        if (!v.is("call")) {
            return;
        }
        PyNode fn = v.field("function");
        String returned = fn != null && fn.is("identifier") ? m.returnTypes.get(fn.text()) : null;
        String q = returned != null ? returned : m.callee(v);
        if (q.isEmpty()) {
            return;
        }
        String old = m.varTypes.get(name);
        // Keep the first resolved (dotted) type: a later local reassignment elsewhere should not erase it.
        if (old == null || (!old.contains(".") && q.contains("."))) {
            m.varTypes.put(name, q);
        }
    }

    /**
     * A SIGTERM handler of this module whose body only logs and exits ({@code sys.exit(0)}): the exit lands wherever
     * the loop happens to be, mid-batch (finally blocks run, but the batch in hand is abandoned). Not a graceful
     * shutdown.
     */
    private static boolean exitsAtOnce(PyModule m, PyNode handler) {
        if (handler != null && handler.is("lambda")) {
            PyNode body = handler.field("body"); // lambda signum, frame: sys.exit(0)
            String callee = body != null && body.is("call") ? m.callee(body) : "";
            return callee.equals("sys.exit") || callee.equals("os._exit") || callee.equals("exit");
        }
        if (handler == null || !handler.is("identifier")) {
            return false;
        }
        List<PyNode> defs = m.functions.getOrDefault(handler.text(), List.of());
        if (defs.size() != 1) {
            return false;
        }
        boolean exits = false;
        for (PyNode stmt : Syntax.statements(defs.get(0).field("body"))) {
            PyNode e = stmt.is("expression_statement") && !stmt.named().isEmpty() ? stmt.named().get(0) : null;
            String callee = e != null && e.is("call") ? m.callee(e) : "";
            if (callee.equals("sys.exit") || callee.equals("os._exit") || callee.equals("exit")
                    || stmt.is("raise_statement") && stmt.text().contains("SystemExit")) {
                exits = true;
            } else if (!(e != null && e.is("call") && (Syntax.calleeName(e).matches("info|warning|warn|debug|error|print")))
                    && !(e != null && e.is("string"))) {
                return false; // it does something else first: a flag, a stop(), a drain
            }
        }
        return exits;
    }

    private static void shutdownFacts(PyModule m, PyNode call, List<PyNode> sigterm) {
        String name = Syntax.calleeName(call);
        PyNode args = call.field("arguments");
        if (args != null && args.textContains(SIGTERM)
                && (name.equals("add_signal_handler") || m.callee(call).equals("signal.signal"))) {
            sigterm.add(call); // judged once every function of the module is known (exitsAtOnce)
        }
        if (args != null && name.equals("on_event") && args.textContains(SHUTDOWN)) {
            m.hasShutdownHook = true;
        }
        if (Syntax.hasKeyword(call, "lifespan") || Syntax.hasKeyword(call, "on_shutdown")) {
            m.hasShutdownHook = true;
        }
        PyNode recv = Syntax.receiver(call);
        if (recv != null && recv.is("attribute") && name.equals("append")
                && (recv.text().endsWith("on_shutdown") || recv.text().endsWith("on_cleanup"))) {
            m.hasShutdownHook = true;
        }
    }

    /** Handlers and everything they call in this module (plain calls and self-method calls). */
    private static void requestPath(PyModule m) {
        Deque<PyNode> work = new ArrayDeque<>(m.handlers);
        work.addAll(ShapedHandlers.serverless(m));
        while (!work.isEmpty()) {
            PyNode f = work.pop();
            if (!m.requestPath.add(f)) {
                continue;
            }
            List<PyNode> calls = new ArrayList<>(f.descendants("call", false));
            if (f.parent != null && f.parent.is("decorated_definition")) {
                // dependencies=[Depends(track)] in the route's decorator runs per request too
                for (PyNode d : Syntax.decorators(f)) {
                    calls.addAll(d.descendants("call", false));
                }
            }
            for (PyNode call : calls) {
                PyNode fn = call.field("function");
                String target = null;
                if (fn != null && fn.is("identifier") && (fn.text().equals("Depends") || fn.text().equals("Security"))) {
                    // FastAPI runs a dependency on every request
                    PyNode dep = Syntax.positional(call, 0);
                    target = dep != null && dep.is("identifier") ? dep.text() : null;
                } else if (fn != null && fn.is("identifier")) {
                    target = fn.text();
                } else if (fn != null && fn.is("attribute") && fn.field("object") != null
                        && fn.field("object").text().equals("self")) {
                    target = Syntax.calleeName(call);
                }
                if (target != null) {
                    for (PyNode def : m.functions.getOrDefault(target, List.of())) {
                        if (!m.requestPath.contains(def)) {
                            work.push(def);
                        }
                    }
                }
            }
        }
    }
}
