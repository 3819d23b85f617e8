package dev.srereview.evidence.python;

import dev.srereview.context.FileKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One parsed Python file with the facts every rule asks about: imports, variables' types, routes, handlers. */
final class PyModule {
    final String path;
    final FileKind kind;
    final PyNode root;
    /** The file's text as the scanner read it (snippets quote it; split into lines only when one is quoted). */
    private final String content;
    private String[] lines;
    FileRole role;
    /** Local name → fully qualified name: {@code r → requests}, {@code get → requests.get}. */
    final Map<String, String> imports = new HashMap<>();
    /** Every module imported, fully qualified ({@code concurrent.futures}, {@code flask_limiter}). */
    final Set<String> importedModules = new HashSet<>();
    /**
     * The same plus relative imports resolved against this file's package ({@code from .models import x} in
     * {@code forecaster/app.py} → {@code forecaster.models}, {@code forecaster.models.x}): which project files it uses.
     */
    final Set<String> projectImports = new HashSet<>();
    /**
     * The project imports that bring in a module whole ({@code import utils}, {@code from app import utils}), as
     * against a from-import's module ({@code utils} of {@code from utils import preprocess}): each of its functions
     * may be called.
     */
    final Set<String> wholeImports = new HashSet<>();
    /** Module-level mutable collections by name, filled on first use by the memory rules. */
    Map<String, PyNode> moduleCollections;
    /** Plain functions a long-running loop of this module calls (rules' per-message path), filled on first use. */
    Set<String> messageLoopCallees;
    /** Each loop's verdict of Syntax.inMessageLoop, remembered: a node field would cost 8 bytes on every node. */
    final Map<PyNode, Boolean> longRunningLoops = new java.util.IdentityHashMap<>();
    /** Per session receiver (its text), whether the module gave it a default timeout (TimeoutRules). */
    final Map<String, Boolean> timedSessions = new HashMap<>();
    private Set<String> timeoutAdapters;
    /** Per class: attributes bound to a mutable collection in {@code __init__} or the class body (memory rules). */
    Map<PyNode, Map<String, PyNode>> instanceCollections;
    /** Per class and attribute ("start:attr"): whether something in the class trims it, judged once. */
    Map<String, Boolean> instanceBounded;
    /** A Streamlit script (imports streamlit and calls it at module level): it reruns top to bottom per interaction. */
    boolean streamlitApp;
    /** Set by the shutdown rule: the module runs an endless consumer loop (a worker process). */
    boolean workerLoop;
    /** Variable text → qualified constructor or factory it was assigned from ({@code s → requests.Session}). */
    final Map<String, String> varTypes = new HashMap<>();
    /**
     * Function name → the client class it returns: a requests session its return annotation names
     * ({@code get_session → requests.Session}), a gRPC stub or Triton client it builds or declares, so
     * {@code get_session().get(url)} is a session's get and {@code _stub().Score(req)} an RPC.
     */
    final Map<String, String> returnTypes = new HashMap<>();
    final Map<String, List<PyNode>> functions = new HashMap<>();
    /** The names of the classes defined in this module. */
    final Set<String> classes = new HashSet<>();
    /**
     * Set by the model-load rule: what loads a model on every call here — function names, {@code Class.method}, or a
     * class whose {@code __init__} loads. A handler calling one of them, here or in another module, is reported.
     */
    final Set<String> modelLoaders = new HashSet<>();
    final List<PyNode> mainGuards = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    final List<App> apps = new ArrayList<>();
    /** Function definitions that serve a request directly. */
    final Set<PyNode> handlers = new LinkedHashSet<>();
    /** Handlers that run queued jobs (Celery tasks, RQ job functions): their arguments come from the enqueuer. */
    final java.util.Set<PyNode> jobs = new java.util.HashSet<>();
    /** Handlers plus the same-module functions they call, transitively. */
    final Set<PyNode> requestPath = new HashSet<>();
    /** Every call and every assignment in the module, in source order (collected by the indexing walk). */
    final List<PyNode> calls = new ArrayList<>();
    final List<PyNode> assignments = new ArrayList<>();
    /** The nodes whose types the rules dispatch on, in source order: the rule pass iterates these. */
    final List<PyNode> ruleNodes = new ArrayList<>();
    /** Set by the indexer once imports and assigned objects are all known: {@link #callee} may then remember. */
    boolean namesBound;
    boolean handlesSigterm;
    boolean hasShutdownHook;
    boolean usesRateLimit;

    PyModule(String path, FileKind kind, PyNode root, String content) {
        this.path = path;
        this.kind = kind;
        this.root = root;
        this.content = content;
    }

    /**
     * The dotted name an expression refers to, resolving import aliases and assigned objects:
     * {@code r.get} → {@code requests.get}, {@code s.get} → {@code requests.Session.get}. Null when unknowable.
     */
    String qualify(PyNode e) {
        if (e == null) {
            return null;
        }
        switch (e.type) {
            case "identifier": {
                String t = e.text();
                String imported = imports.get(t);
                if (imported != null) {
                    return imported;
                }
                return varTypes.getOrDefault(t, t);
            }
            case "attribute": {
                String known = varTypes.get(e.text());
                if (known != null) {
                    return known;
                }
                PyNode attr = e.field("attribute");
                String object = qualify(e.field("object"));
                return object == null || attr == null ? null : object + "." + attr.text();
            }
            case "call": {
                PyNode fn = e.field("function");
                String returned = fn != null && fn.is("identifier") ? returnTypes.get(fn.text()) : null;
                return returned != null ? returned : qualify(fn);
            }
            case "parenthesized_expression":
            case "await":
                List<PyNode> inner = e.named();
                return inner.size() == 1 ? qualify(inner.get(0)) : null;
            default:
                return null;
        }
    }

    /**
     * The qualified name of a call's callee. Remembered on the node once the names are all bound (most rules ask
     * it of the same calls), computed afresh while indexing is still binding them.
     */
    String callee(PyNode call) {
        if (call.callee != null) {
            return call.callee;
        }
        String q = resolveCallee(call);
        if (namesBound) {
            call.callee = q;
        }
        return q;
    }

    private String resolveCallee(PyNode call) {
        PyNode fn = call.field("function");
        if (fn != null && (fn.is("identifier") && !imports.containsKey(fn.text()) || fn.is("attribute"))
                && varTypes.containsKey(fn.text())) {
            // Calling an object held in a variable (model(x)) is not calling what created it.
            return varTypes.get(fn.text()) + "()";
        }
        String q = qualify(fn);
        return q == null ? "" : q;
    }

    boolean inMainGuard(PyNode n) {
        for (PyNode g : mainGuards) {
            if (n.isInside(g)) {
                return true;
            }
        }
        return false;
    }

    boolean onRequestPath(PyNode n) {
        for (PyNode f = Syntax.enclosingFunction(n); f != null; f = Syntax.enclosingFunction(f)) {
            if (requestPath.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** The handler (route function) enclosing n, or null. */
    PyNode enclosingHandler(PyNode n) {
        for (PyNode f = Syntax.enclosingFunction(n); f != null; f = Syntax.enclosingFunction(f)) {
            if (handlers.contains(f)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Names of HTTP adapters that fill in a timeout: classes of this module whose {@code send} sets one, and imported
     * ones named for it ({@code from .http import TimeoutHTTPAdapter}). Worked out once per module.
     */
    Set<String> timeoutAdapters() {
        if (timeoutAdapters == null) {
            Set<String> out = new java.util.HashSet<>();
            if (sourceContains("Adapter")) {
                for (PyNode cls : root.descendants("class_definition", false)) {
                    PyNode n = cls.field("name");
                    for (PyNode def : n == null ? List.<PyNode>of() : cls.descendants("function_definition", true)) {
                        if (Syntax.functionName(def).equals("send") && def.text().contains("timeout")) {
                            out.add(n.text());
                        }
                    }
                }
                for (String name : imports.keySet()) {
                    if (TIMEOUT_ADAPTER.matcher(name).matches()) {
                        out.add(name);
                    }
                }
            }
            timeoutAdapters = out;
        }
        return timeoutAdapters;
    }

    private static final java.util.regex.Pattern TIMEOUT_ADAPTER = java.util.regex.Pattern.compile(
            "(?i)\\w*timeout\\w*adapter\\w*");

    /** Whether the module's source contains {@code text} anywhere (settings keys, not code structure). */
    boolean sourceContains(String text) {
        return content.contains(text);
    }

    private final java.util.Map<String, Boolean> mentioned = new java.util.HashMap<>(4);

    /**
     * {@link #sourceContains}, remembered: rules asked of every string node test the whole module once (a module is
     * walked by one thread).
     */
    boolean mentions(String text) {
        return mentioned.computeIfAbsent(text, content::contains);
    }

    /** Whether {@code pattern} finds a match anywhere in the module's source. */
    boolean sourceMatches(java.util.regex.Pattern pattern) {
        return pattern.matcher(content).find();
    }

    boolean importsAny(String... roots) {
        for (String m : importedModules) {
            for (String r : roots) {
                if (m.equals(r) || m.startsWith(r + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Source lines [from, to] (1-based, inclusive), each trimmed, joined by newlines; at most three lines. */
    String snippet(PyNode n) {
        int from = n.startRow;
        boolean compound = n.type.endsWith("_statement") && n.field("body") != null || n.is("except_clause")
                || n.is("function_definition") || n.is("class_definition") || n.is("decorated_definition");
        int to = compound ? from : Math.min(n.endRow, from + 2);
        StringBuilder sb = new StringBuilder();
        if (lines == null) {
            lines = content.split("\n", -1);
        }
        for (int i = from; i <= to && i < lines.length; i++) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(lines[i].strip());
        }
        String s = sb.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
