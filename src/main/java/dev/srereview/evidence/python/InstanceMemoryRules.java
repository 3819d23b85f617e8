package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * unbounded-memory held by an object that lives as long as the process: {@code self.history = []} in a Ray Serve
 * deployment, a BentoML service, a Falcon resource or a store a module creates once, appended to on every request
 * (or message) and never trimmed. A class a framework builds per request (Django and Flask views, Tornado handlers)
 * takes its attributes with it and is left alone.
 */
final class InstanceMemoryRules implements NodeRule {
    /**
     * The set-up hooks of model servers, run once per instance before it serves (Triton's initialize, KServe's load,
     * LitServe's setup, MLflow's load_context): like {@code __init__}, but only in a class such a server runs
     * (elsewhere a {@code load(self, name)} is as likely a per-request lazy loader).
     */
    private static final Set<String> SERVER_HOOKS = Set.of("initialize", "load", "setup", "load_context");

    /** {@code def} is the constructor of {@code cls}, or a set-up hook of a model-server class. */
    private static boolean initializer(PyNode def, PyNode cls, PyModule m) {
        String name = Syntax.functionName(def);
        return name.equals("__init__") || SERVER_HOOKS.contains(name) && cls != null && ServingClasses.server(m, cls) != null;
    }

    /** Bases whose instances the framework creates for each request. */
    private static final Pattern PER_REQUEST_BASE = Pattern.compile("(View|ViewSet|Handler|Endpoint|Resource)$");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("call", "assignment", "subscript");
    }

    @Override
    public void check(PyNode n, Scan scan) {
        if (!scan.role().production()) {
            return;
        }
        String attr = grownAttribute(n, scan.module);
        if (attr == null) {
            return;
        }
        PyNode method = Syntax.enclosingFunction(n);
        PyNode cls = method == null ? null : Syntax.ownerClass(method);
        if (cls == null || initializer(method, cls, scan.module) || perRequestClass(cls, scan.module)) {
            return;
        }
        PyModule m = scan.module;
        PyNode made = collections(cls, m).get(attr);
        if (made == null || bounded(cls, attr, m)) {
            return;
        }
        String className = Syntax.functionName(cls);
        String methodName = Syntax.functionName(method);
        String message = "`self." + attr + "` on `" + className + "` grows with every request (or message) and is never "
                + "trimmed, and the object lives as long as the worker: memory climbs with traffic until the "
                + "container is OOM-killed, taking in-flight requests with it.";
        String fix = "from cachetools import TTLCache\nself." + attr + " = TTLCache(maxsize=10_000, ttl=3600)  # in __init__; bounded\n"
                + "# or collections.deque(maxlen=1000); or keep it in Redis/a database";
        // one finding per class and attribute where it stands for sure; a conditional one per method otherwise (the
        // first growth in source order may be a start-up path while a later one is the request's)
        String once = "instance-grow:" + cls.startByte + ":" + attr;
        if (m.onRequestPath(n) || Syntax.onMessagePath(n, m) || calledOnModuleInstance(className, methodName, m)) {
            if (scan.first(once)) {
                scan.emit("PY-MEMORY-003", Category.UNBOUNDED_MEMORY, Severity.P1, n, message, fix);
            }
        } else if (topLevel(cls) && scan.first(once + ":" + methodName)) {
            // A handler in another module calls the method on an instance it holds (self.store.remember(...)), and
            // no handler constructs the class per request: known once every module is seen
            scan.emitIf(RepoCondition.LIVE_INSTANCE_CALLED_FROM_HANDLER, Set.of(className + "." + methodName),
                    "PY-MEMORY-003", Category.UNBOUNDED_MEMORY, Severity.P1, n, message, fix);
        }
    }

    /** {@code self.x.append(v)}, {@code self.x[k] = v}, {@code self.x[k]} on a defaultdict: the attribute's name. */
    private static String grownAttribute(PyNode n, PyModule m) {
        if (n.is("subscript")) {
            // the common case by far is a read like self.x[i] or d[k]: rule out all but self.<attr>[<non-constant>]
            // before any text is decoded
            PyNode value = n.field("value");
            PyNode object = value == null || !value.is("attribute") ? null : value.field("object");
            if (object == null || !object.is("identifier") || object.endByte - object.startByte != 4) {
                return null;
            }
        }
        PyNode target = switch (n.type) {
            case "call" -> MemoryRules.GROW.contains(Syntax.calleeName(n)) ? Syntax.receiver(n) : null;
            case "assignment" -> {
                // self.status["last_request"] = t overwrites one key: a constant key is not growth
                PyNode left = n.field("left");
                PyNode key = left == null || !left.is("subscript") ? null : left.field("subscript");
                yield key != null && !Syntax.isConstant(key) ? left.field("value") : null;
            }
            default -> {
                // reading a defaultdict with a new key inserts it; only the read (not an assignment's target)
                PyNode key = n.field("subscript");
                boolean read = n.parent == null || !n.parent.is("assignment") || n.parent.field("left") != n;
                yield read && key != null && !Syntax.isConstant(key) ? n.field("value") : null;
            }
        };
        if (target == null || !target.is("attribute") || target.field("object") == null
                || !target.field("object").text().equals("self") || target.field("attribute") == null) {
            return null;
        }
        String attr = target.field("attribute").text();
        if (n.is("subscript")) {
            PyNode method = Syntax.enclosingFunction(n);
            PyNode cls = method == null ? null : Syntax.ownerClass(method);
            PyNode made = cls == null ? null : collections(cls, m).get(attr);
            PyNode right = made == null ? null : made.field("right");
            return right != null && right.is("call") && m.callee(right).equals("collections.defaultdict") ? attr : null;
        }
        return attr;
    }

    /** A class defined at module level (decorated or not): another module can import it. */
    private static boolean topLevel(PyNode cls) {
        PyNode owner = cls.parent != null && cls.parent.is("decorated_definition") ? cls.parent : cls;
        return owner.parent != null && owner.parent.is("module");
    }

    private static boolean perRequestClass(PyNode cls, PyModule m) {
        PyNode supers = cls.field("superclasses");
        if (supers == null) {
            return false;
        }
        for (PyNode b : supers.named()) {
            String t = b.text();
            if (PER_REQUEST_BASE.matcher(t.substring(t.lastIndexOf('.') + 1)).find()) {
                // a model server's class (TorchServe's BaseHandler too) lives as long as its worker, whatever its
                // base is called
                return ServingClasses.server(m, cls) == null;
            }
        }
        return false;
    }

    /**
     * Attributes bound to a plain mutable collection in {@code __init__} ({@code self.seen = set()}) or in the class
     * body ({@code history = []}, shared by every instance); a deque with maxlen is bounded. Computed once per class.
     */
    private static Map<String, PyNode> collections(PyNode cls, PyModule m) {
        if (m.instanceCollections == null) {
            m.instanceCollections = new HashMap<>();
        }
        return m.instanceCollections.computeIfAbsent(cls, c -> findCollections(c, m));
    }

    private static Map<String, PyNode> findCollections(PyNode cls, PyModule m) {
        Map<String, PyNode> out = new HashMap<>();
        PyNode body = cls.field("body");
        if (body == null) {
            return out;
        }
        for (PyNode a : body.descendants("assignment", false)) {
            PyNode left = a.field("left");
            PyNode right = a.field("right");
            if (left == null || right == null || !MemoryRules.isCollection(right, m)) {
                continue;
            }
            PyNode def = Syntax.enclosingFunction(a);
            if (def == null && left.is("identifier") && a.parent != null && a.parent.parent == body) {
                out.put(left.text(), a); // class attribute
            } else if (def != null && initializer(def, cls, m) && Syntax.ownerClass(def) == cls
                    && left.is("attribute") && left.field("object") != null && left.field("object").text().equals("self")
                    && left.field("attribute") != null) {
                out.put(left.field("attribute").text(), a);
            }
        }
        return out;
    }

    /**
     * Something in the class trims it: an eviction on {@code self.x}, a {@code len(self.x)} check, a sweep that
     * deletes in a loop or the oldest entry, or reassignment outside {@code __init__}.
     */
    private static boolean bounded(PyNode cls, String attr, PyModule m) {
        if (m.instanceBounded == null) {
            m.instanceBounded = new HashMap<>();
        }
        return m.instanceBounded.computeIfAbsent(cls.startByte + ":" + attr, k -> trimmedIn(cls, attr, m));
    }

    private static boolean trimmedIn(PyNode cls, String attr, PyModule m) {
        return MemoryRules.trimmed("self." + attr, cls.descendants("call", false),
                cls.descendants("delete_statement", false), cls.descendants("assignment", false), a -> {
                    PyNode def = Syntax.enclosingFunction(a);
                    return def != null && !initializer(def, cls, m);
                }, Set.of());
    }

    /**
     * A handler of this module calls the method on a module-level instance: {@code STATS = Stats()} then
     * {@code STATS.observe(latency)} in a route. An instance a handler creates itself dies with the request.
     */
    private static boolean calledOnModuleInstance(String cls, String method, PyModule m) {
        boolean called = false;
        for (PyNode f : m.requestPath) {
            for (PyNode c : f.descendants("call", false)) {
                String q = m.callee(c);
                if (q.equals(cls)) {
                    return false; // constructed per request
                }
                called |= q.equals(cls + "." + method);
            }
        }
        return called;
    }
}
