package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * no-input-validation, the size case (PY-INPUT-004): a FastAPI handler's typed {@code int} that sizes the work
 * ({@code k}, {@code top_k}, {@code limit}) handed on with no upper bound.
 */
final class UnboundedCountRules implements NodeRule {
    /** Query parameters that size the work: how many results, rows, tokens or items the client asks for. */
    private static final Pattern COUNT_NAME = Pattern.compile(
            "(?i)^(k|n|top_?k|top_?n|limit|size|count|num_\\w+|n_\\w+|max_\\w+|batch_size|page_size|per_page)$");

    /**
     * {@code def search(q: str, k: int = 10)}: the framework checks that k is an integer, not that it is 10 rather
     * than 10**9; handed to a vector search, a top-k or a LIMIT, the client decides how much memory and time the
     * request costs. Bounded by {@code Query(le=...)}/{@code Field(le=...)}, a {@code conint}, a clamp
     * ({@code min(k, 50)}) or a comparison in the body, it is fine.
     */
    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition");
    }

    @Override
    public void check(PyNode def, Scan scan) {
        PyNode params = def.field("parameters");
        if (scan.role() != FileRole.SERVICE || params == null || !scan.module.handlers.contains(def)
                || !scan.module.importsAny("fastapi") || ShapedHandlers.rawInput(scan.module, def) != null) {
            return;
        }
        if (InputValidationRules.bodyReported(def, params, scan.module)) {
            return;
        }
        PyNode body = def.field("body");
        for (PyNode p : params.named()) {
            PyNode type = p.field("type");
            PyNode name = Syntax.parameterName(p);
            String t = type == null ? "" : type.text().replaceAll("\\s", "");
            if (type == null || name == null || body == null
                    || !(t.equals("int") || t.equals("Optional[int]") || t.equals("int|None") || t.equals("None|int"))
                    || !COUNT_NAME.matcher(name.text()).find()) {
                continue;
            }
            PyNode value = p.field("value");
            if (value != null && value.is("call") && (!Set.of("Query", "Path", "Body", "Form").contains(Syntax.calleeName(value))
                    || value.text().contains("le=") || value.text().contains("lt="))) {
                continue; // Query(10, le=50): the framework's own bound; some other default factory: not judged here
            }
            String n = java.util.regex.Pattern.quote(name.text());
            String text = body.text();
            if (Pattern.compile("\\b(min|max|clamp|clip)\\([^)]*\\b" + n + "\\b").matcher(text).find()
                    || Pattern.compile("\\b" + n + "\\s*(<|>|<=|>=)|(<|>|<=|>=)\\s*" + n + "\\b").matcher(text).find()
                    || Pattern.compile("\\b" + n + "\\s+(not\\s+)?in\\s").matcher(text).find()) {
                continue;
            }
            PyNode use = null;
            for (PyNode c : body.descendants("call", true)) {
                PyNode args = c.field("arguments");
                if (args != null && !LOG_CALL.matcher(Syntax.calleeName(c)).matches()
                        && args.descendants("identifier", false).stream().anyMatch(i -> sizes(i, name.text(), args))) {
                    use = c;
                    break;
                }
            }
            if (use == null) {
                continue;
            }
            scan.emit("PY-INPUT-004", Category.NO_INPUT_VALIDATION, Severity.P2, p,
                    "`" + Syntax.functionName(def) + "` takes `" + p.text() + "` and hands it on (`"
                            + use.text().replaceAll("\\s+", " ") + "`) with no upper bound: the type check lets "
                            + name.text() + "=100000000 through, and one such request makes the search, the model or the "
                            + "query allocate for that many results, stalling the worker for everyone.",
                    name.text() + ": int = Query(" + defaultOf(value) + ", ge=1, le=50)");
        }
    }

    private static final Pattern LOG_CALL = Pattern.compile("debug|info|warning|warn|error|exception|critical|print|len|str");

    /**
     * {@code id} is the client's count as a value the call receives: not a keyword's name ({@code k=MAX_K}), not a
     * slice bound ({@code items[:n]} only shortens what exists).
     */
    private static boolean sizes(PyNode id, String name, PyNode args) {
        if (!id.text().equals(name)) {
            return false;
        }
        if (id.parent != null && id.parent.is("keyword_argument") && id.parent.field("name") == id) {
            return false;
        }
        for (PyNode p = id.parent; p != null && p != args; p = p.parent) {
            if (p.is("slice")) {
                return false;
            }
        }
        return true;
    }

    /** The default to keep in the fix: {@code 10} from {@code k: int = 10} or {@code Query(10)}; "..." when required. */
    private static String defaultOf(PyNode value) {
        if (value == null) {
            return "...";
        }
        if (value.is("call")) {
            PyNode first = Syntax.positional(value, 0);
            PyNode kw = Syntax.keyword(value, "default");
            return first != null ? first.text() : kw != null ? kw.text() : "...";
        }
        return value.text();
    }
}
