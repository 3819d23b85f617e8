package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * no-input-validation, the filesystem case: a handler that puts a client-chosen name (a path or query parameter,
 * an upload's {@code filename}, {@code request.args[...]}) into a file path unchecked. {@code ../../etc/passwd} or
 * an absolute name then reads or overwrites any file the service can reach.
 */
final class PathTraversalRules implements NodeRule {
    /** Anything in the handler that confines the name: a safe basename, a resolved-path check, an allow-list. */
    private static final Pattern CONFINED = Pattern.compile(
            "secure_filename|basename\\(|Path\\([^)]*\\)\\.name\\b|resolve\\(|is_relative_to|realpath|abspath|commonpath|"
                    + "[\"']\\.\\.[\"']|fullmatch\\(|re\\.match\\(|isalnum\\(|isidentifier\\(|safe_join");
    /** Parameters that are the framework's objects, not client values. */
    private static final Set<String> NOT_INPUT = Set.of("self", "cls", "request", "req", "resp", "response",
            "background_tasks", "db", "session", "settings", "context", "ctx");
    /** request.files["f"], request.files.get("f"), request.FILES["f"]: an upload whose filename the client picks. */
    private static final Pattern UPLOAD_VALUE = Pattern.compile("^request\\.(files|FILES)\\b");
    private static final Pattern CLIENT_VALUE = Pattern.compile(
            "^request\\.(args|form|values|view_args|match_info|query|query_params|path_params|GET|POST|files|FILES)\\b");
    /** What opens, serves, moves or deletes a file, by qualified name: {@code sessions.remove(id)} is not one. */
    private static final Set<String> OPEN_CALLS = Set.of("open", "io.open", "os.remove", "os.unlink", "shutil.rmtree",
            "shutil.copyfile", "shutil.copy", "shutil.move", "pathlib.Path", "fastapi.responses.FileResponse",
            "starlette.responses.FileResponse", "flask.send_file", "cv2.imread", "PIL.Image.open", "joblib.load",
            "torch.load", "numpy.load", "pandas.read_csv", "pandas.read_parquet");
    private static final Pattern PATH_LIKE = Pattern.compile("(?i)dir|path|root|folder|base|store|upload|Path\\(");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition");
    }

    @Override
    public void check(PyNode def, Scan scan) {
        if (scan.role() != FileRole.SERVICE || !scan.module.handlers.contains(def) || scan.module.jobs.contains(def)) {
            // (a queued job's paths come from the code that enqueued it, where the client's value is checked or not)
            return;
        }
        Set<String> tainted = clientNames(def);
        tainted.removeAll(pathSegments(def, scan.module));
        PyNode body = def.field("body");
        if (body == null || CONFINED.matcher(def.text()).find()) {
            return;
        }
        Set<String> uploads = uploadNames(def);
        for (PyNode a : body.descendants("assignment", true)) {
            PyNode left = a.field("left");
            PyNode right = a.field("right");
            if (left != null && left.is("identifier") && right != null && CLIENT_VALUE.matcher(right.text()).find()) {
                (UPLOAD_VALUE.matcher(right.text()).find() ? uploads : tainted).add(left.text());
            }
        }
        PyNode sink = null;
        for (PyNode call : body.descendants("call", true)) {
            String name = Syntax.calleeName(call);
            boolean join = name.equals("join") && call.field("function").text().endsWith("path.join");
            if (join || OPEN_CALLS.contains(scan.module.callee(call))) {
                for (PyNode arg : Syntax.positional(call)) {
                    if (clientValue(arg, tainted, uploads)) {
                        sink = call;
                        break;
                    }
                }
            }
            if (sink != null) {
                break;
            }
        }
        if (sink == null) {
            for (PyNode op : body.descendants("binary_operator", true)) {
                PyNode left = op.field("left");
                PyNode right = op.field("right");
                if (left != null && right != null && divides(op, left) && PATH_LIKE.matcher(left.text()).find()
                        && clientValue(right, tainted, uploads)) {
                    sink = op;
                    break;
                }
            }
        }
        if (sink == null) {
            return;
        }
        scan.emit("PY-INPUT-003", Category.NO_INPUT_VALIDATION, Severity.P1, sink,
                "`" + Syntax.functionName(def) + "` builds a file path from a name the client chose (`" + sink.text()
                        + "`) with no check: `../../etc/passwd` or an absolute path reads or overwrites any file the "
                        + "service can reach — its config, its secrets, its model.",
                "name = Path(name).name  # or werkzeug.utils.secure_filename(name)\n"
                        + "target = (BASE_DIR / name).resolve()\n"
                        + "if not target.is_relative_to(BASE_DIR.resolve()):\n"
                        + "    raise HTTPException(400, \"bad file name\")");
    }

    /** The operator is {@code /} (pathlib's join), not {@code //}: read between the operands, the tree keeps no token. */
    private static boolean divides(PyNode op, PyNode left) {
        String rest = op.text().substring(Math.min(op.text().length(), left.text().length())).strip();
        return rest.startsWith("/") && !rest.startsWith("//");
    }

    /**
     * The handler's parameters that carry client values: untyped or typed as text, not the framework's own objects
     * and not declared with a pattern (a number or an enum cannot climb out of a directory).
     */
    static Set<String> clientNames(PyNode def) {
        Set<String> out = new HashSet<>();
        PyNode params = def.field("parameters");
        if (params == null) {
            return out;
        }
        for (PyNode p : params.named()) {
            PyNode name = Syntax.parameterName(p);
            if (name == null || NOT_INPUT.contains(name.text())) {
                continue;
            }
            PyNode type = p.field("type");
            String t = type == null ? "str" : type.text().replaceAll("\\s", "");
            PyNode value = p.field("value");
            String v = value == null ? "" : value.text();
            boolean text = t.equals("str") || t.equals("Optional[str]") || t.equals("str|None") || t.equals("Path");
            if (text && !v.contains("Depends(") && !v.contains("pattern=") && !v.contains("regex=")) {
                out.add(name.text());
            }
        }
        return out;
    }

    /**
     * Parameters bound to one segment of the route's path ({@code /docs/{name}}, {@code /docs/<name>}): the router
     * never lets them hold a slash. {@code {name:path}} and {@code <path:name>} do, so they stay client names.
     */
    private static Set<String> pathSegments(PyNode def, PyModule m) {
        Set<String> out = new HashSet<>();
        for (Route r : m.routes) {
            if (r.handler() != def || r.path() == null) {
                continue;
            }
            var seg = SEGMENT.matcher(r.path());
            while (seg.find()) {
                String name = seg.group(1) != null ? seg.group(1) : seg.group(4);
                String converter = seg.group(1) != null ? seg.group(2) : seg.group(3);
                if (!"path".equals(converter)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** {@code {name}} / {@code {name:conv}} (FastAPI, Starlette) or {@code <name>} / {@code <conv:name>} (Flask). */
    private static final Pattern SEGMENT = Pattern.compile("\\{(\\w+)(?::(\\w+))?}|<(?:(\\w+):)?(\\w+)>");

    /** Parameters typed {@code UploadFile}: their {@code filename} is the client's to choose. */
    private static Set<String> uploadNames(PyNode def) {
        Set<String> out = new HashSet<>();
        PyNode params = def.field("parameters");
        for (PyNode p : params == null ? List.<PyNode>of() : params.named()) {
            PyNode name = Syntax.parameterName(p);
            PyNode type = p.field("type");
            if (name != null && type != null && type.text().contains("UploadFile")) {
                out.add(name.text());
            }
        }
        return out;
    }

    /** {@code name}, an upload's {@code file.filename}, or a string built from them. */
    private static boolean clientValue(PyNode n, Set<String> tainted, Set<String> uploads) {
        if (n.is("identifier")) {
            return tainted.contains(n.text());
        }
        if (n.is("attribute")) {
            return uploadFilename(n, uploads);
        }
        if (n.is("string") || n.is("concatenated_string") || n.is("binary_operator")) {
            for (PyNode id : n.descendants("identifier", true)) {
                if (tainted.contains(id.text())) {
                    return true;
                }
            }
            for (PyNode a : n.descendants("attribute", true)) {
                if (uploadFilename(a, uploads)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean uploadFilename(PyNode a, Set<String> uploads) {
        PyNode attr = a.field("attribute");
        PyNode obj = a.field("object");
        return attr != null && attr.text().equals("filename") && obj != null
                && (uploads.contains(obj.text()) || UPLOAD_VALUE.matcher(obj.text()).find());
    }
}
