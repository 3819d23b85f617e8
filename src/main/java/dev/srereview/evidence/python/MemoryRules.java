package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** unbounded-memory: module-level collections grown per request, and unbounded function caches. */
final class MemoryRules implements NodeRule {
    static final Set<String> GROW = Set.of("append", "extend", "add", "update", "setdefault", "insert",
            "appendleft");
    static final Set<String> SHRINK = Set.of("pop", "popitem", "popleft", "clear", "remove", "discard");
    private static final Set<String> CONSTRUCTORS = Set.of("list", "dict", "set", "collections.defaultdict",
            "collections.OrderedDict", "collections.Counter", "collections.deque");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("call", "assignment", "augmented_assignment", "decorator", "subscript");
    }

    @Override
    public void check(PyNode n, Scan scan) {
        if (n.is("decorator") && scan.role().production()) {
            cache(n, scan);
            return;
        }
        if (n.is("call") && scan.role().production() && GROW.contains(Syntax.calleeName(n))) {
            PyNode recv = Syntax.receiver(n);
            if (recv != null && recv.is("call")) {
                cachedSingleton(recv, n, scan);
            }
        }
        // Training code and helpers count too, but only where a handler calls them (decided in grows); most modules
        // hold no module-level collection at all and stop here
        if (scan.role() == FileRole.TEST || scan.role() == FileRole.NOTEBOOK || collections(scan.module).isEmpty()) {
            return;
        }
        switch (n.type) {
            case "decorator" -> {
            }
            case "call" -> {
                PyNode recv = Syntax.receiver(n);
                if (recv != null && recv.is("identifier") && GROW.contains(Syntax.calleeName(n))) {
                    grows(recv.text(), n, scan);
                }
            }
            case "subscript" -> {
                // Reading a defaultdict with a new key inserts it: history = CONVERSATIONS[session_id]
                PyNode value = n.field("value");
                if (value == null || !value.is("identifier") || !defaultDict(value.text(), scan.module)) {
                    return;
                }
                PyNode key = n.field("subscript");
                if (key != null && !Syntax.isConstant(key)) {
                    grows(value.text(), n, scan);
                }
            }
            case "assignment" -> {
                PyNode left = n.field("left");
                // STATE["last_reload"] = t overwrites one key: a constant key is not growth
                if (left != null && left.is("subscript") && left.field("value") != null
                        && left.field("value").is("identifier") && left.field("subscript") != null
                        && !Syntax.isConstant(left.field("subscript"))) {
                    grows(left.field("value").text(), n, scan);
                }
            }
            default -> {
                PyNode left = n.field("left");
                if (left != null && left.is("identifier")) {
                    grows(left.text(), n, scan);
                } else if (left != null && left.is("subscript") && left.field("value") != null
                        && left.field("value").is("identifier") && left.field("subscript") != null
                        && counting(left.field("value").text(), scan.module)
                        && CLIENT_KEY.matcher(left.field("subscript").text()).find()) {
                    // COUNTS[customer_id] += 1: a Counter (or defaultdict) gains a key per new customer; a plain
                    // dict raises KeyError on a new key, and a predicted label's counts are bounded by the labels
                    grows(left.field("value").text(), n, scan);
                }
            }
        }
    }

    private void grows(String name, PyNode at, Scan scan) {
        PyModule m = scan.module;
        if (!collections(m).containsKey(name)) {
            return;
        }
        boolean local = scan.role() == FileRole.SERVICE && m.onRequestPath(at);
        // Otherwise a handler in another file may call the function it grows in (a helper module): known at the end
        PyNode function = local ? null : Syntax.topLevelFunction(at);
        PyNode method = local || function != null ? null : Syntax.enclosingFunction(at);
        PyNode cls = method == null ? null : Syntax.ownerClass(method);
        if (!local && function == null && cls == null || bounded(name, m)) {
            return;
        }
        String message = "`" + name + "` is a module-level collection that grows with every request (or message) and is never trimmed: "
                + "memory climbs with traffic until the container is OOM-killed, taking in-flight requests "
                + "with it — and each worker holds its own copy, so the data is not even shared.";
        String fix = "from cachetools import TTLCache\n" + name + " = TTLCache(maxsize=10_000, ttl=3600)  # bounded\n"
                + "# or collections.deque(maxlen=1000); or move the data to Redis/a database";
        if (cls != null) {
            // a method of a class whose instance a handler elsewhere holds: audit.record(...) grows _first_seen
            String subject = Syntax.functionName(cls) + "." + Syntax.functionName(method);
            if (scan.first("grow:" + name + ":" + subject)) {
                scan.emitIf(RepoCondition.CALLED_FROM_A_HANDLER, Set.of(subject), "PY-MEMORY-001",
                        Category.UNBOUNDED_MEMORY, Severity.P1, at, message, fix);
            }
        } else if (local) {
            if (scan.first("grow:" + name)) {
                scan.emit("PY-MEMORY-001", Category.UNBOUNDED_MEMORY, Severity.P1, at, message, fix);
            }
        } else if (scan.first("grow:" + name + ":" + Syntax.functionName(function))) {
            scan.emitIfCalledFromHandler(Syntax.functionName(function), "PY-MEMORY-001", Category.UNBOUNDED_MEMORY,
                    Severity.P1, at, message, fix);
            // A long-running loop's per-message path grows it the same way (a dedupe set of every id ever seen);
            // the two findings are one when both hold (PythonRules keeps one of equal findings)
            if (Syntax.onMessagePath(at, m)) {
                scan.emit("PY-MEMORY-001", Category.UNBOUNDED_MEMORY, Severity.P1, at, message, fix);
            }
        }
    }

    private static final Set<String> SINGLETON_CACHES = Set.of("cache_resource", "experimental_singleton", "lru_cache",
            "cache");

    /**
     * {@code @st.cache_resource def shared_history(): return []}, then {@code shared_history().append(...)} on every
     * rerun or request: the cache hands every session the same list, a module-level collection by another name.
     */
    private static void cachedSingleton(PyNode getter, PyNode growth, Scan scan) {
        PyNode fn = getter.field("function");
        PyModule m = scan.module;
        boolean perRun = m.streamlitApp && Syntax.enclosingFunction(growth) == null || m.onRequestPath(growth);
        if (fn == null || !fn.is("identifier") || !perRun || !Syntax.positional(getter).isEmpty()) {
            return;
        }
        for (PyNode def : m.functions.getOrDefault(fn.text(), List.of())) {
            boolean cached = Syntax.decorators(def).stream().anyMatch(d -> {
                String t = d.text().replaceAll("(?s)\\(.*", "");
                return SINGLETON_CACHES.contains(t.substring(t.lastIndexOf('.') + 1).replace("@", "").strip());
            });
            List<String> returned = new java.util.ArrayList<>();
            for (PyNode r : def.descendants("return_statement", true)) {
                PyNode v = r.named().isEmpty() ? null : r.named().get(0);
                returned.add(v == null ? "" : v.text().replaceAll("\\s", ""));
            }
            boolean empty = !returned.isEmpty() && returned.stream().allMatch(t -> t.equals("[]") || t.equals("{}")
                    || t.equals("set()") || t.equals("dict()") || t.equals("list()") || t.startsWith("collections.defaultdict(")
                    || t.startsWith("defaultdict("));
            if (!cached || !empty) {
                continue;
            }
            String name = fn.text() + "()";
            boolean trimmed = m.calls.stream().anyMatch(c -> {
                PyNode r = Syntax.receiver(c);
                return r != null && r.text().equals(name) && SHRINK.contains(Syntax.calleeName(c));
            }) || m.root.text().contains("del " + name);
            if (trimmed || !scan.first("grow:" + name)) {
                return;
            }
            scan.emit("PY-MEMORY-001", Category.UNBOUNDED_MEMORY, Severity.P1, growth,
                    "`" + name + "` returns one cached collection that every session and request shares, and this line "
                            + "grows it on every run with nothing ever trimming it: memory climbs with use until the "
                            + "container is OOM-killed, restarting the app for every user at once.",
                    "@st.cache_resource\ndef " + fn.text() + "():\n    return collections.deque(maxlen=1000)  # bounded\n"
                            + "# or keep per-user state in st.session_state, and shared totals in Redis/a database");
            return;
        }
    }

    /** Module-level names bound to a mutable collection (deques with maxlen excluded); computed once per module. */
    private static Map<String, PyNode> collections(PyModule m) {
        if (m.moduleCollections == null) {
            m.moduleCollections = findCollections(m);
        }
        return m.moduleCollections;
    }

    private static Map<String, PyNode> findCollections(PyModule m) {
        Map<String, PyNode> out = new HashMap<>();
        for (PyNode stmt : m.root.named()) {
            if (!stmt.is("expression_statement") || stmt.named().isEmpty() || !stmt.named().get(0).is("assignment")) {
                continue;
            }
            PyNode a = stmt.named().get(0);
            PyNode left = a.field("left");
            PyNode right = a.field("right");
            if (left == null || right == null || !left.is("identifier")) {
                continue;
            }
            if (isCollection(right, m)) {
                out.put(left.text(), a);
            }
        }
        return out;
    }

    /** A literal list/dict/set or a collections constructor with no bound (a deque without maxlen). */
    static boolean isCollection(PyNode right, PyModule m) {
        if (right.is("call")) {
            String q = m.callee(right);
            return CONSTRUCTORS.contains(q) && !Syntax.hasKeyword(right, "maxlen")
                    && !(q.equals("collections.deque") && Syntax.positional(right).size() > 1);
        }
        return right.is("list") || right.is("dictionary") || right.is("set");
    }

    /** Keys that come one per client, request or input: an id, an address, a user, a session, a text. */
    private static final java.util.regex.Pattern CLIENT_KEY = java.util.regex.Pattern.compile(
            "(?i)(^|[._])(\\w*_id|id|ip|addr\\w*|host|user\\w*|session\\w*|email|customer\\w*|client\\w*|account\\w*|"
                    + "tenant\\w*|device\\w*|url|query|prompt|text|path|key)\\b");

    /** A Counter or defaultdict: {@code x[new_key] += 1} inserts the key. */
    private static boolean counting(String name, PyModule m) {
        PyNode a = collections(m).get(name);
        PyNode right = a == null ? null : a.field("right");
        String q = right != null && right.is("call") ? m.callee(right) : "";
        return q.equals("collections.Counter") || q.equals("collections.defaultdict");
    }

    private static boolean defaultDict(String name, PyModule m) {
        PyNode a = collections(m).get(name);
        PyNode right = a == null ? null : a.field("right");
        return right != null && right.is("call") && m.callee(right).equals("collections.defaultdict");
    }

    /**
     * Something trims it: an eviction (popitem/popleft/clear, a pop or del of the oldest or in a loop), a len() check,
     * or reassignment inside a function. Dropping the one key a request names ({@code cache.pop(user_id, None)} when
     * that user's profile changes) is invalidation: every other key stays forever.
     */
    private static boolean bounded(String name, PyModule m) {
        return trimmed(name, m.calls, m.root.descendants("delete_statement", false), m.assignments,
                a -> Syntax.enclosingFunction(a) != null, m.handlers);
    }

    /**
     * Something among these calls, deletes and assignments trims {@code name} (a module global or {@code self.x}): an
     * eviction, a {@code len(name)} comparison, a sweep that deletes in a loop or the oldest entry, or a reassignment
     * for which {@code resets} holds (inside a function; for an attribute, outside {@code __init__}).
     */
    static boolean trimmed(String name, List<PyNode> calls, List<PyNode> deletes, List<PyNode> assignments,
                           java.util.function.Predicate<PyNode> resets, Set<PyNode> handlers) {
        for (PyNode c : calls) {
            PyNode recv = Syntax.receiver(c);
            if (recv != null && recv.text().equals(name) && SHRINK.contains(Syntax.calleeName(c)) && evicts(c, handlers)) {
                return true;
            }
            if (Syntax.calleeName(c).equals("len") && c.field("function").is("identifier")
                    && c.field("arguments") != null && c.field("arguments").text().equals("(" + name + ")")
                    && c.ancestor("comparison_operator") != null) {
                return true;
            }
        }
        for (PyNode d : deletes) {
            if (d.text().contains(name + "[") && (inLoop(d) || d.text().contains("next(") || d.text().contains("[0]"))) {
                return true;
            }
        }
        for (PyNode a : assignments) {
            PyNode left = a.field("left");
            if (left != null && left.text().equals(name) && resets.test(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A removal that makes room: any popitem/popleft, a clear that is not a request's manual reset, or a
     * pop/remove/discard of the oldest or in a loop.
     */
    static boolean evicts(PyNode call, Set<PyNode> handlers) {
        String n = Syntax.calleeName(call);
        if (n.equals("clear")) {
            return !manualReset(call, handlers);
        }
        if (n.equals("popitem") || n.equals("popleft")) {
            return true;
        }
        List<PyNode> args = Syntax.positional(call);
        PyNode first = args.isEmpty() ? null : args.get(0);
        return first == null || first.is("integer") || first.is("unary_operator") || first.text().startsWith("next(")
                || inLoop(call);
    }

    /**
     * {@code cache.clear()} run unconditionally by a route ({@code POST /admin/model} after a new model is pushed): an
     * invalidation someone triggers by hand, not a bound; between two such requests the cache grows freely. A clear
     * under a condition (a size or an age) or in a scheduled function is one.
     */
    private static boolean manualReset(PyNode call, Set<PyNode> handlers) {
        PyNode def = Syntax.enclosingFunction(call);
        if (def == null || !handlers.contains(def)) {
            return false;
        }
        for (PyNode p = call.parent; p != null && p != def; p = p.parent) {
            if (p.is("if_statement") || p.is("for_statement") || p.is("while_statement")) {
                return false;
            }
        }
        return true;
    }

    /** Inside a for or while loop of its own function (an expiry sweep, a trim-to-size loop). */
    static boolean inLoop(PyNode n) {
        PyNode def = Syntax.enclosingFunction(n);
        for (PyNode p = n.parent; p != null && p != def; p = p.parent) {
            if (p.is("for_statement") || p.is("while_statement")) {
                return true;
            }
        }
        return false;
    }

    private void cache(PyNode dec, Scan scan) {
        List<PyNode> named = dec.named();
        if (named.isEmpty()) {
            return;
        }
        PyNode e = named.get(0);
        String q = scan.module.qualify(e.is("call") ? e.field("function") : e);
        boolean unbounded;
        if ("functools.cache".equals(q)) {
            unbounded = true;
        } else if ("functools.lru_cache".equals(q) && e.is("call")) {
            PyNode size = Syntax.keyword(e, "maxsize");
            if (size == null) {
                size = Syntax.positional(e, 0);
            }
            unbounded = size != null && size.is("none");
        } else if ("streamlit.cache_data".equals(q) || "streamlit.experimental_memo".equals(q)) {
            // Streamlit keeps every distinct argument's result for the server's life unless told otherwise
            unbounded = !e.is("call") || Syntax.keyword(e, "max_entries") == null && Syntax.keyword(e, "ttl") == null;
        } else {
            return;
        }
        PyNode def = dec.parent == null ? null : dec.parent.field("definition");
        if (!unbounded || def == null || !def.is("function_definition") || parameters(def) == 0) {
            return;
        }
        boolean request = scan.module.requestPath.contains(def) || calledFromHandler(def, scan.module);
        // Outside a service file it counts where a service imports the module (a helper it calls) or a worker runs it
        scan.emitIf(scan.role() == FileRole.SERVICE ? null : RepoCondition.SERVICE_OR_WORKER_CODE, "PY-MEMORY-002", Category.UNBOUNDED_MEMORY, request ? Severity.P1 : Severity.P2, dec,
                "`" + dec.text() + "` on `" + Syntax.functionName(def) + "` keeps one entry per distinct argument "
                        + "forever: fed with request data, every new input is cached and the process grows until "
                        + "it is OOM-killed.",
                "@functools.lru_cache(maxsize=1024)  # bounded; or cachetools.TTLCache for expiry");
    }

    private static boolean calledFromHandler(PyNode def, PyModule m) {
        String name = Syntax.functionName(def);
        for (PyNode h : m.handlers) {
            for (PyNode c : h.descendants("call", false)) {
                if (Syntax.calleeName(c).equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int parameters(PyNode def) {
        PyNode params = def.field("parameters");
        if (params == null) {
            return 0;
        }
        int n = 0;
        for (PyNode p : params.named()) {
            String t = p.text();
            if (!t.equals("self") && !t.equals("cls")) {
                n++;
            }
        }
        return n;
    }
}
