package dev.srereview.evidence.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Small questions about Python syntax nodes, shared by the rules. */
final class Syntax {
    private Syntax() {
    }

    /** The value of a plain string literal (no interpolation), else null. Concatenated literals are joined. */
    static String literal(PyNode n) {
        if (n == null) {
            return null;
        }
        if (n.is("parenthesized_expression") && n.named().size() == 1) {
            return literal(n.named().get(0));
        }
        if (n.is("concatenated_string")) {
            StringBuilder sb = new StringBuilder();
            for (PyNode part : n.named()) {
                String v = literal(part);
                if (v == null) {
                    return null;
                }
                sb.append(v);
            }
            return sb.toString();
        }
        if (!n.is("string")) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        boolean raw = false;
        for (PyNode c : n.children) {
            if (c.is("interpolation")) {
                return null;
            }
            if (c.is("string_start")) {
                raw = c.text().toLowerCase(java.util.Locale.ROOT).contains("r");
            } else if (c.is("string_content") || c.is("escape_sequence")) {
                sb.append(c.text());
            }
        }
        return raw ? sb.toString() : unescape(sb.toString());
    }

    /** The common escapes only: enough to read paths and hosts as Python sees them. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case '\\', '\'', '"' -> out.append(e);
                    default -> out.append('\\').append(e);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True for an f-string with at least one interpolation. */
    static boolean isInterpolated(PyNode n) {
        return n != null && n.is("string") && n.firstNamed("interpolation") != null;
    }

    /** A literal value of any constant kind: string without interpolation, number, True/False/None. */
    static boolean isConstant(PyNode n) {
        if (n == null) {
            return false;
        }
        return literal(n) != null || n.is("integer") || n.is("float") || n.is("true") || n.is("false")
                || n.is("none");
    }

    static List<PyNode> positional(PyNode call) {
        List<PyNode> out = new ArrayList<>();
        PyNode args = call.field("arguments");
        if (args == null || !args.is("argument_list")) {
            return out;
        }
        for (PyNode a : args.named()) {
            if (!a.is("keyword_argument") && !a.is("list_splat") && !a.is("dictionary_splat")) {
                out.add(a);
            }
        }
        return out;
    }

    static PyNode positional(PyNode call, int index) {
        List<PyNode> p = positional(call);
        return index < p.size() ? p.get(index) : null;
    }

    /** The value of keyword argument {@code name}, or null. */
    static PyNode keyword(PyNode call, String name) {
        PyNode args = call.field("arguments");
        if (args == null) {
            return null;
        }
        for (PyNode a : args.named()) {
            if (a.is("keyword_argument")) {
                PyNode k = a.field("name");
                if (k != null && k.text().equals(name)) {
                    return a.field("value");
                }
            }
        }
        return null;
    }

    static boolean hasKeyword(PyNode call, String name) {
        return keyword(call, name) != null;
    }

    /** True when the call passes {@code **kwargs}: any keyword may be inside, so "missing" cannot be proven. */
    static boolean hasKwSplat(PyNode call) {
        PyNode args = call.field("arguments");
        return args != null && args.named().stream().anyMatch(a -> a.is("dictionary_splat"));
    }

    static boolean hasListSplat(PyNode call) {
        PyNode args = call.field("arguments");
        return args != null && args.named().stream().anyMatch(a -> a.is("list_splat"));
    }

    static boolean isTrue(PyNode n) {
        return n != null && (n.is("true") || (n.is("integer") && n.text().equals("1")));
    }

    /** The name of the function being called: last identifier of {@code a.b.c(...)} or {@code f(...)}. */
    static String calleeName(PyNode call) {
        PyNode f = call.field("function");
        if (f == null) {
            return "";
        }
        if (f.is("attribute")) {
            PyNode a = f.field("attribute");
            return a == null ? "" : a.text();
        }
        return f.is("identifier") ? f.text() : "";
    }

    /** The receiver of a method call {@code recv.m(...)}, or null. */
    static PyNode receiver(PyNode call) {
        PyNode f = call.field("function");
        return f != null && f.is("attribute") ? f.field("object") : null;
    }

    static PyNode enclosingFunction(PyNode n) {
        return n.ancestor("function_definition");
    }

    static String functionName(PyNode def) {
        PyNode name = def == null ? null : def.field("name");
        return name == null ? "" : name.text();
    }

    /** The module-level function that encloses {@code n} (its outermost function), or null at module level. */
    static PyNode topLevelFunction(PyNode n) {
        PyNode outer = null;
        for (PyNode f = Syntax.enclosingFunction(n); f != null; f = Syntax.enclosingFunction(f)) {
            outer = f;
        }
        if (outer == null) {
            return null;
        }
        PyNode owner = outer.parent != null && outer.parent.is("decorated_definition") ? outer.parent : outer;
        return owner.parent != null && owner.parent.is("module") ? outer : null;
    }

    /** The class a function is a method of (directly), or null. */
    static PyNode ownerClass(PyNode def) {
        PyNode owner = def.parent != null && def.parent.is("decorated_definition") ? def.parent : def;
        return owner.parent != null && owner.parent.is("block") && owner.parent.parent != null
                && owner.parent.parent.is("class_definition") ? owner.parent.parent : null;
    }

    /** A parameter's name node: {@code x}, {@code x: int}, {@code x=1}, {@code x: int = 1}; null for other kinds. */
    /** The local names a function returns as they are ({@code return s}), in order. */
    static List<String> returnedNames(PyNode def) {
        List<String> out = new ArrayList<>();
        for (PyNode r : def.descendants("return_statement", true)) {
            PyNode v = r.named().isEmpty() ? null : r.named().get(0);
            if (v != null && v.is("identifier")) {
                out.add(v.text());
            }
        }
        return out;
    }

    /** The names of a function's parameters in order (separators such as a bare {@code *} have none and are left out). */
    static List<String> parameterNames(PyNode def) {
        PyNode params = def.field("parameters");
        List<String> out = new ArrayList<>();
        for (PyNode p : params == null ? List.<PyNode>of() : params.named()) {
            PyNode name = parameterName(p);
            if (name != null) {
                out.add(name.text());
            }
        }
        return out;
    }

    static PyNode parameterName(PyNode p) {
        if (p.is("identifier")) {
            return p;
        }
        PyNode name = p.field("name");
        if (name == null && !p.named().isEmpty() && p.named().get(0).is("identifier")) {
            name = p.named().get(0); // typed_parameter keeps its name as a plain child
        }
        return name;
    }

    /** Decorator expressions of a function definition (empty when undecorated). */
    static List<PyNode> decorators(PyNode def) {
        List<PyNode> out = new ArrayList<>();
        if (def != null && def.parent != null && def.parent.is("decorated_definition")) {
            for (PyNode c : def.parent.named()) {
                if (c.is("decorator")) {
                    out.addAll(c.named());
                }
            }
        }
        return out;
    }

    /** The statements of a block, comments excluded. */
    static List<PyNode> statements(PyNode block) {
        return block == null ? List.of() : block.named();
    }

    /** Top-level module statement containing n (n itself when it is one). */
    static PyNode topStatement(PyNode n) {
        PyNode cur = n;
        while (cur.parent != null && !cur.parent.is("module")) {
            cur = cur.parent;
        }
        return cur;
    }

    private static final Pattern MESSAGE_SOURCE = Pattern.compile(
            "(?i)consumer|queue|stream|subscri|poll|messages|receive|pubsub|channel");

    /** {@code while True:}, {@code while running:}, {@code while not stop.is_set():} — not {@code while tries < 5:}. */
    private static final Pattern RUN_FLAG = Pattern.compile(
            "(?i)(^|[._])(running|alive|active|keep_?running|keep_?going|serving|polling|consuming|run)$");
    private static final Pattern STOP_FLAG = Pattern.compile(
            "(?i)(^|[._])(stop|stopping|stopped|shutdown|shutting_down|exit|exiting|done|terminated|killed|should_stop)$");

    /**
     * {@code while True:}, {@code while running:}, {@code while not stop.is_set():} — not {@code while tries < 5:},
     * {@code while stack:} or {@code while page_token:}, which end when their data does.
     */
    private static boolean endless(PyNode loop) {
        PyNode cond = loop.field("condition");
        if (cond == null) {
            return false;
        }
        if (cond.is("true") || cond.text().equals("1")) {
            return true;
        }
        boolean negated = cond.is("not_operator") && !cond.named().isEmpty();
        PyNode c = negated ? cond.named().get(0) : cond;
        String name = c.is("call") ? calleeName(c) : c.is("identifier") || c.is("attribute") ? c.text() : "";
        if (c.is("call")) {
            return negated ? name.equals("is_set") || STOP_FLAG.matcher(name).find() : RUN_FLAG.matcher(name).find()
                    || name.equals("is_running");
        }
        return negated ? STOP_FLAG.matcher(name).find() : RUN_FLAG.matcher(name).find();
    }

    /**
     * On a long-running loop's per-message path in its own module: inside the loop, or in a top-level function a
     * loop of this module calls ({@code while True: handle(msg)}).
     */
    static boolean onMessagePath(PyNode at, PyModule m) {
        if (inMessageLoop(at, m)) {
            return true;
        }
        PyNode function = topLevelFunction(at);
        return function != null && messageLoopCallees(m).contains(functionName(function));
    }

    /** Names of the plain functions this module's long-running loops call: computed once per module. */
    private static Set<String> messageLoopCallees(PyModule m) {
        Set<String> callees = m.messageLoopCallees;
        if (callees == null) {
            callees = new java.util.HashSet<>();
            boolean amqp = m.importsAny("pika", "aio_pika") || m.sourceContains("basic_consume(");
            for (PyNode c : m.calls) {
                PyNode fn = c.field("function");
                if (fn != null && fn.is("identifier") && inMessageLoop(c, m)) {
                    callees.add(fn.text());
                }
                if (amqp) {
                    consumerCallback(c, m, callees);
                }
            }
            // and what those call in turn: while True: run_checks() -> check_feature(name) is one pass's work too
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(callees);
            while (!todo.isEmpty()) {
                for (PyNode def : m.functions.getOrDefault(todo.pop(), List.of())) {
                    for (PyNode c : def.descendants("call", true)) {
                        PyNode fn = c.field("function");
                        if (fn != null && fn.is("identifier") && m.functions.containsKey(fn.text())
                                && callees.add(fn.text())) {
                            todo.add(fn.text());
                        }
                    }
                }
            }
            m.messageLoopCallees = callees;
        }
        return callees;
    }

    /**
     * The function a RabbitMQ consumer calls once per message: pika's
     * {@code channel.basic_consume(queue=q, on_message_callback=handle)} (0.x: {@code basic_consume(handle, queue=q)})
     * and aio-pika's {@code await queue.consume(handle)}, run by {@code start_consuming()} or the event loop for as
     * long as the worker lives.
     */
    private static void consumerCallback(PyNode call, PyModule m, Set<String> out) {
        String name = calleeName(call);
        PyNode args = call.field("arguments");
        if (!name.equals("basic_consume") && !name.equals("consume") || args == null) {
            return;
        }
        for (PyNode a : args.named()) {
            PyNode value = a.is("keyword_argument") && a.field("name") != null
                    && Set.of("on_message_callback", "callback", "consumer_callback").contains(a.field("name").text())
                    ? a.field("value") : a;
            if (value != null && value.is("call") && calleeName(value).equals("partial")) {
                value = positional(value, 0); // functools.partial(handle, db)
            }
            if (value != null && value.is("identifier") && m.functions.containsKey(value.text())) {
                out.add(value.text());
            }
        }
    }

    /**
     * Inside a long-running loop, where each pass handles one message or frame: an endless {@code while} loop, or a
     * loop over a consumer, queue or stream ({@code for msg in consumer:}). {@code for line in fh:} is not one.
     */
    static boolean inMessageLoop(PyNode n, PyModule m) {
        for (PyNode p = n.parent; p != null && !p.is("module"); p = p.parent) {
            if ((p.is("while_statement") || p.is("for_statement")) && longRunning(p, m)) {
                return true;
            }
        }
        return false;
    }

    /** Remembered per loop in its module: asked for every call inside it. */
    private static boolean longRunning(PyNode loop, PyModule m) {
        return m.longRunningLoops.computeIfAbsent(loop, l -> l.is("while_statement") ? endless(l)
                : l.field("right") != null && MESSAGE_SOURCE.matcher(l.field("right").text()).find());
    }
}
