package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** unsafe-deserialization and shell-injection. */
final class SecurityRules implements NodeRule {
    private static final Set<String> PICKLES = Set.of("pickle.load", "pickle.loads", "cPickle.load", "cPickle.loads",
            "dill.load", "dill.loads", "cloudpickle.load", "cloudpickle.loads", "joblib.load", "pandas.read_pickle",
            "_pickle.load", "_pickle.loads", "marshal.loads", "shelve.open", "jsonpickle.decode");
    private static final Set<String> SAFE_YAML = Set.of("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader");
    private static final Set<String> SHELL_ALWAYS = Set.of("os.system", "os.popen", "subprocess.getoutput",
            "subprocess.getstatusoutput", "commands.getoutput", "os.popen2", "os.popen3");
    private static final Set<String> SUBPROCESS = Set.of("subprocess.run", "subprocess.call", "subprocess.check_call",
            "subprocess.check_output", "subprocess.Popen");
    /** Names of a model artefact: what the project trained and ships is as trusted as its code. */
    private static final Pattern MODEL_WORDS = Pattern.compile("(?i)model|clf|classifier|regressor|estimator|pipe"
            + "|artifact|artefact|checkpoint|ckpt|weights|encoder|scaler|vectori[sz]er|tokenizer|embedding|index"
            + "|booster|predictor|\\.(?:joblib|pt|pth|sav)\\b");
    /** Names of data that arrives from someone else: a partner's drop, an upload, a message. */
    private static final Pattern FOREIGN_WORDS = Pattern.compile("(?i)batch|upload|partner|incoming|inbox|drop"
            + "|received|payload|message|\\bmsg|client|request|download|external|submission|inbound|vendor");
    /** Text that marks client input reaching the call. */
    private static final Pattern CLIENT_INPUT = Pattern.compile(
            "\\brequest\\.(files|FILES|data|body|get_data|stream|form|json|get_json|args|values)|"
                    + "\\bawait\\s+\\w*\\.?(read|body)\\(|\\bfile\\.(read|file)\\b|\\bupload\\w*\\.(read|file)|"
                    + "\\bfile_uploader\\(");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("call");
    }

    @Override
    public void check(PyNode call, Scan scan) {
        if (scan.role() == FileRole.TEST) {
            return;
        }
        String q = scan.module.callee(call);
        if (PICKLES.contains(q)) {
            if (!q.endsWith(".loads") && !q.equals("jsonpickle.decode") && !fromClient(call, scan)
                    && !(scan.role().production() && (foreignData(call)
                        || chosenPerRequest(call, Syntax.positional(call, 0), scan, MODEL_WORDS)))) {
                // A model file the project ships, or pulls from its own bucket, is as trusted as the code that loads
                // it: every independent answer key (docs/evidence.md, "Blind test") calls it a near miss. Bytes in
                // memory (.loads: a queue message, an HTTP body, a cache entry), client files and files that name
                // someone else's data (a partner's batch drop) stay findings.
                return;
            }
            deserialize(call, scan, q, "use a format that cannot run code (JSON, safetensors, ONNX), or verify a "
                    + "checksum/signature of the file before loading:\n"
                    + "expected = os.environ[\"MODEL_SHA256\"]\n"
                    + "assert hashlib.sha256(open(path, \"rb\").read()).hexdigest() == expected");
        } else if (Syntax.calleeName(call).equals("load_local") && Syntax.isTrue(Syntax.keyword(call,
                "allow_dangerous_deserialization"))) {
            // LangChain's FAISS (and kin) unpickle the docstore beside the index: the project's own index is its
            // artefact, a folder someone else picked or filled is not
            PyNode folder = Syntax.positional(call, 0);
            if (folder == null) {
                folder = Syntax.keyword(call, "folder_path");
            }
            if (fromClient(call, scan) || scan.role().production() && (foreignData(call)
                    || chosenPerRequest(call, folder, scan, NOTHING))) {
                deserialize(call, scan, q, "rebuild the index from the source documents, or load only folders this "
                        + "service wrote itself (a fixed, read-only path) and verify their checksum before "
                        + "allow_dangerous_deserialization=True");
            }
        } else if (q.equals("torch.load")) {
            PyNode w = Syntax.keyword(call, "weights_only");
            // training code resuming its own checkpoint loads what it wrote itself; served code is held to the fix
            boolean ownTraining = !scan.role().production() && !fromClient(call, scan);
            if ((w == null || !w.is("true")) && !ownTraining) {
                deserialize(call, scan, q, "torch.load(path, map_location=\"cpu\", weights_only=True)");
            }
        } else if (q.equals("yaml.load") || q.equals("yaml.load_all")) {
            PyNode loader = Syntax.keyword(call, "Loader");
            if (loader == null) {
                loader = Syntax.positional(call, 1);
            }
            String l = loader == null ? "" : loader.text();
            if (!SAFE_YAML.contains(l.substring(l.lastIndexOf('.') + 1))) {
                deserialize(call, scan, q, "data = yaml.safe_load(stream)");
            }
        } else if (q.equals("yaml.unsafe_load") || q.equals("yaml.unsafe_load_all")) {
            deserialize(call, scan, q, "data = yaml.safe_load(stream)");
        } else if (q.equals("numpy.load")) {
            PyNode ap = Syntax.keyword(call, "allow_pickle");
            if (ap != null && ap.is("true")) {
                deserialize(call, scan, q, "np.load(path, allow_pickle=False)  # store object arrays as JSON/npz of numbers");
            }
        } else if (SHELL_ALWAYS.contains(q)) {
            PyNode cmd = Syntax.positional(call, 0);
            if (cmd != null && !Syntax.isConstant(cmd)) {
                shell(call, scan, cmd, q);
            }
        } else if (SUBPROCESS.contains(q)) {
            PyNode sh = Syntax.keyword(call, "shell");
            PyNode cmd = Syntax.positional(call, 0);
            if (cmd == null) {
                cmd = Syntax.keyword(call, "args");
            }
            if (sh != null && Syntax.isTrue(sh) && cmd != null && !Syntax.isConstant(cmd)) {
                shell(call, scan, cmd, q);
            }
        }
    }

    /**
     * What the call loads is named as data from outside the project, not a model artefact: {@code load_batch(path)}
     * unpickling a partner's drop, {@code uploaded = pickle.load(fh)}. Words of the function, the arguments and the
     * assigned name decide; a model word anywhere keeps it the project's own file.
     */
    private static boolean foreignData(PyNode call) {
        PyNode def = Syntax.enclosingFunction(call);
        PyNode args = call.field("arguments");
        PyNode parent = call.parent;
        StringBuilder context = new StringBuilder(Syntax.functionName(def)).append(' ')
                .append(args == null ? "" : args.text());
        if (parent != null && parent.is("assignment") && parent.field("left") != null) {
            context.append(' ').append(parent.field("left").text());
        }
        return !MODEL_WORDS.matcher(context).find() && FOREIGN_WORDS.matcher(context).find();
    }

    /**
     * On a request (or Lambda invocation) path, the file is one its caller picked: the path is a parameter of the
     * function, or a local computed from one ({@code cal_path = _download(bucket, key)} in {@code _process(bucket,
     * key)}), and the function is the handler itself or is called with a value worked out at request time
     * ({@code _load_store(index_dir)}, not only {@code _load_store(INDEX_DIR)}). A file chosen per request is the
     * request's data, not the project's artefact; model words still mark the project's own file.
     */
    static boolean chosenPerRequest(PyNode call, PyNode path, Scan scan, Pattern artefact) {
        PyNode def = Syntax.enclosingFunction(call);
        if (path == null || !path.is("identifier") || def == null || !scan.module.onRequestPath(call)
                || artefact.matcher(path.text()).find()) {
            return false;
        }
        List<String> params = Syntax.parameterNames(def);
        List<PyNode[]> bindings = bindings(def);
        for (String p : params) {
            if (p.equals("self") || p.equals("cls") || !derivedFrom(path.text(), Set.of(p), bindings, artefact)) {
                continue;
            }
            if (scan.module.handlers.contains(def) || passedPerRequest(scan.module, def, p, params)) {
                return true;
            }
        }
        return false;
    }

    /** The function's (target, value) pairs: assignments, and for-loop targets with what they iterate. */
    private static List<PyNode[]> bindings(PyNode def) {
        List<PyNode[]> out = new ArrayList<>();
        for (PyNode a : def.descendants("assignment", true)) {
            out.add(new PyNode[] {a.field("left"), a.field("right")});
        }
        for (PyNode f : def.descendants("for_statement", true)) {
            out.add(new PyNode[] {f.field("left"), f.field("right")});
        }
        return out;
    }

    /** {@code name} is one of {@code from}, or a local computed from one through any number of bindings. */
    private static boolean derivedFrom(String name, Set<String> from, List<PyNode[]> bindings, Pattern artefact) {
        Set<String> derived = new java.util.HashSet<>(from);
        for (boolean grew = true; grew && !derived.contains(name); ) {
            grew = false;
            for (PyNode[] b : bindings) {
                PyNode l = b[0];
                PyNode r = b[1];
                if (l == null || r == null || artefact.matcher(r.text()).find()) {
                    continue;
                }
                boolean hit = false;
                for (PyNode id : names(r)) {
                    hit |= derived.contains(id.text());
                }
                if (hit) {
                    for (PyNode id : l.is("identifier") ? List.of(l) : l.descendants("identifier", true)) {
                        grew |= derived.add(id.text());
                    }
                }
            }
        }
        return derived.contains(name);
    }

    /** The variables an expression reads: its identifiers, not attribute names ({@code self.index_dir} reads self). */
    private static List<PyNode> names(PyNode e) {
        List<PyNode> out = new ArrayList<>();
        if (e.is("identifier")) {
            out.add(e);
            return out;
        }
        for (PyNode id : e.descendants("identifier", true)) {
            PyNode parent = id.parent;
            if (parent == null || !parent.is("attribute") || parent.field("attribute") != id) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Some call of {@code def} (a bare call of a module function; {@code self.f(...)} / {@code cls.f(...)} of a method),
     * on a request path, passes at that parameter a value its caller computed from its own parameters:
     * {@code _process(bucket, key, calibrator_uri)} in a Lambda handler, {@code _load_store(index_dir)} in a route;
     * not {@code load(MODEL_PATH)} or {@code _open(os.environ["INDEX_DIR"])}.
     */
    private static boolean passedPerRequest(PyModule m, PyNode def, String param, List<String> params) {
        String name = Syntax.functionName(def);
        PyNode cls = Syntax.ownerClass(def);
        boolean bound = cls != null && !params.isEmpty() && (params.get(0).equals("self") || params.get(0).equals("cls"))
                && Syntax.decorators(def).stream().noneMatch(d -> d.text().contains("staticmethod"));
        int pos = params.indexOf(param) - (bound ? 1 : 0);
        for (PyNode c : m.calls) {
            PyNode fn = c.field("function");
            if (fn == null || !Syntax.calleeName(c).equals(name) || c.isInside(def) || !m.onRequestPath(c)) {
                continue;
            }
            if (cls == null ? !fn.is("identifier") : !fn.is("attribute") || !Set.of("self", "cls",
                    cls.field("name") == null ? "" : cls.field("name").text()).contains(fn.field("object").text())) {
                continue;
            }
            PyNode arg = Syntax.keyword(c, param);
            if (arg == null && pos >= 0) {
                arg = Syntax.positional(c, pos);
            }
            PyNode caller = Syntax.enclosingFunction(c);
            if (arg == null || caller == null) {
                continue;
            }
            Set<String> callerParams = new java.util.HashSet<>(Syntax.parameterNames(caller));
            callerParams.removeAll(Set.of("self", "cls"));
            List<PyNode[]> callerBindings = bindings(caller);
            for (PyNode id : names(arg)) {
                if (derivedFrom(id.text(), callerParams, callerBindings, NOTHING)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** For an index: every folder is named for one, so the name proves nothing. */
    private static final Pattern NOTHING = Pattern.compile("(?!)");

    /** An argument of the call is client input, or a variable assigned from it in the same function. */
    static boolean fromClient(PyNode call, Scan scan) {
        String args = call.field("arguments") == null ? "" : call.field("arguments").text();
        return CLIENT_INPUT.matcher(args).find() || taintedByRequest(call, scan);
    }

    private void deserialize(PyNode call, Scan scan, String q, String fix) {
        boolean fromClient = fromClient(call, scan);
        PyNode first = Syntax.positional(call, 0);
        boolean literalPath = first != null && (Syntax.literal(first) != null
                || (first.is("call") && Syntax.calleeName(first).equals("open")
                    && Syntax.literal(Syntax.positional(first, 0)) != null));
        Severity sev;
        String source;
        if (fromClient) {
            sev = Severity.P0;
            source = "bytes that come from the client";
        } else if (literalPath) {
            sev = Severity.P3;
            source = "a file shipped with the code";
        } else {
            sev = Severity.P2;
            source = "a path decided at run time";
        }
        if (!fromClient) {
            sev = scan.byRole(sev);
        }
        scan.emit("PY-DESER-001", Category.UNSAFE_DESERIALIZATION, sev, call,
                "`" + q + "` executes code embedded in the data it reads, and here it reads " + source + ". "
                        + (fromClient ? "Anyone who can reach this endpoint can run commands in the container."
                                : "Whoever can replace that file (a shared bucket, a mounted volume, a compromised "
                                        + "pipeline) gets code execution in production the next time it loads."),
                fix);
    }

    /** A variable passed to the call was assigned from client input in the same function. */
    private static boolean taintedByRequest(PyNode call, Scan scan) {
        PyNode def = Syntax.enclosingFunction(call);
        // at module level (a Streamlit script: custom = st.file_uploader(...)), the module's own assignments
        List<PyNode> assignments = def == null ? scan.module.assignments.stream()
                .filter(a -> Syntax.enclosingFunction(a) == null).toList() : def.descendants("assignment", true);
        List<PyNode> pos = Syntax.positional(call);
        for (PyNode a : assignments) {
            PyNode l = a.field("left");
            PyNode r = a.field("right");
            if (l == null || r == null || !CLIENT_INPUT.matcher(r.text()).find()) {
                continue;
            }
            for (PyNode p : pos) {
                if (p.text().contains(l.text())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void shell(PyNode call, Scan scan, PyNode cmd, String q) {
        if (allQuoted(cmd) || allQuoted(assignedString(cmd, call))) {
            return;
        }
        boolean client = scan.module.onRequestPath(call) || CLIENT_INPUT.matcher(cmd.text()).find();
        Severity sev = client ? Severity.P0 : scan.byRole(Severity.P1);
        scan.emit("PY-SHELL-001", Category.SHELL_INJECTION, sev, call,
                "`" + q + "` runs a shell command built from `" + cmd.text().replaceAll("\\s+", " ") + "`: a value with "
                        + "`;`, `$(...)` or a quote in it runs arbitrary commands with this process's permissions"
                        + (client ? ", and on this request path that value can come from any client." : "."),
                "subprocess.run([\"cmd\", arg1, arg2], check=True, timeout=60)  # list form, no shell=True;\n"
                        + "# if a shell is unavoidable: shlex.quote() every interpolated value");
    }

    /**
     * {@code cmd = f"aws s3 sync {shlex.quote(src)} {shlex.quote(dest)}"; subprocess.run(cmd, shell=True)}: the
     * string a variable was last given in the same function before the call, or null.
     */
    private static PyNode assignedString(PyNode cmd, PyNode call) {
        PyNode def = Syntax.enclosingFunction(call);
        if (!cmd.is("identifier") || def == null) {
            return null;
        }
        PyNode last = null;
        int at = -1;
        for (PyNode a : def.descendants("assignment", true)) {
            PyNode l = a.field("left");
            if (l != null && l.text().equals(cmd.text()) && a.line() <= call.line()) {
                last = a.field("right");
                at = a.line();
            }
        }
        for (PyNode a : def.descendants("augmented_assignment", true)) {
            PyNode l = a.field("left");
            if (l != null && l.text().equals(cmd.text()) && a.line() >= at && a.line() <= call.line()) {
                return null; // cmd += f" {extra}": what was added is not known to be quoted
            }
        }
        return last;
    }

    /** An f-string whose every interpolation is wrapped in shlex.quote(). */
    private static boolean allQuoted(PyNode cmd) {
        if (cmd == null || !cmd.is("string")) {
            return false;
        }
        List<PyNode> parts = cmd.descendants("interpolation", true);
        if (parts.isEmpty()) {
            return false;
        }
        for (PyNode p : parts) {
            String t = p.text();
            if (!t.matches("(?s)\\{\\s*(shlex\\.)?quote\\(.*\\)\\s*}")) {
                return false;
            }
        }
        return true;
    }
}
