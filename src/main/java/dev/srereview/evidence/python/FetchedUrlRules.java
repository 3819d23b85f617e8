package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * no-input-validation, the fetch case: a handler that fetches a URL the client typed ({@code requests.get(url)} in a
 * Gradio callback or a {@code /caption?url=} route) with nothing checking its scheme, host or size. The server then
 * fetches anything it can reach on the client's behalf: internal services, the cloud's metadata endpoint
 * (169.254.169.254), a 10 GB file (server-side request forgery).
 */
final class FetchedUrlRules implements NodeRule {
    private static final Set<String> FETCHES = Set.of("requests.get", "requests.post", "requests.head",
            "requests.request", "httpx.get", "httpx.post", "httpx.stream", "urllib.request.urlopen",
            "urllib.request.urlretrieve");
    /** Anything in the handler that looks at the URL before it is fetched. */
    private static final Pattern CHECKED = Pattern.compile(
            "urlparse\\(|urlsplit\\(|\\.startswith\\(|(?i)allow(ed)?_?(hosts|domains|list)|allowlist|whitelist|"
                    + "validators\\.|is_safe_url|\\.hostname|\\.netloc|re\\.(full)?match\\(|HttpUrl");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition");
    }

    @Override
    public void check(PyNode def, Scan scan) {
        if (scan.role() != FileRole.SERVICE || !scan.module.handlers.contains(def) || scan.module.jobs.contains(def)) {
            return;
        }
        PyNode body = def.field("body");
        PyNode params = def.field("parameters");
        if (body == null || params == null || CHECKED.matcher(def.text()).find()) {
            return;
        }
        Set<String> client = PathTraversalRules.clientNames(def);
        if (client.isEmpty()) {
            return;
        }
        if (fetchIn(def, body, client, scan)) {
            return;
        }
        // one hop: the handler hands the URL to a helper of this module that fetches it (load_from_url(url.strip()))
        for (PyNode call : body.descendants("call", true)) {
            PyNode fn = call.field("function");
            if (fn == null || !fn.is("identifier")) {
                continue;
            }
            List<PyNode> args = Syntax.positional(call);
            for (PyNode helper : scan.module.functions.getOrDefault(fn.text(), List.of())) {
                List<String> names = Syntax.parameterNames(helper);
                PyNode helperBody = helper.field("body");
                Set<String> passed = new java.util.HashSet<>();
                for (int i = 0; i < args.size() && i < names.size(); i++) {
                    if (clientArgument(args.get(i), client)) {
                        passed.add(names.get(i));
                    }
                }
                if (!passed.isEmpty() && helperBody != null && helper != def && !CHECKED.matcher(helper.text()).find()
                        && fetchIn(helper, helperBody, passed, scan)) {
                    return;
                }
            }
        }
    }

    /** {@code url}, or the same value tidied ({@code url.strip()}, {@code url.lower()}). */
    private static boolean clientArgument(PyNode arg, Set<String> client) {
        if (arg.is("identifier")) {
            return client.contains(arg.text());
        }
        PyNode recv = arg.is("call") ? Syntax.receiver(arg) : null;
        return recv != null && recv.is("identifier") && client.contains(recv.text())
                && Set.of("strip", "lower", "rstrip", "lstrip").contains(Syntax.calleeName(arg));
    }

    /** Reports the first fetch in {@code def} of one of {@code client}'s names; true when it reported. */
    private static boolean fetchIn(PyNode def, PyNode body, Set<String> client, Scan scan) {
        for (PyNode call : body.descendants("call", true)) {
            String q = scan.module.callee(call);
            if (!FETCHES.contains(q)) {
                continue;
            }
            PyNode url = Syntax.keyword(call, "url");
            boolean methodFirst = q.equals("requests.request") || q.equals("httpx.stream");
            url = url != null ? url : Syntax.positional(call, methodFirst ? 1 : 0);
            PyNode name = url == null ? null : clientUrl(url, client);
            if (name == null) {
                continue;
            }
            scan.emit("PY-INPUT-005", Category.NO_INPUT_VALIDATION, Severity.P2, call,
                    "`" + Syntax.functionName(def) + "` fetches `" + name.text() + "` as the client typed it, with no "
                            + "check of its scheme, host or size: the server fetches whatever it can reach on the "
                            + "client's behalf — an internal service, the cloud metadata endpoint (169.254.169.254), a "
                            + "file:// path or a 10 GB download that fills the worker's memory.",
                    "parsed = urllib.parse.urlparse(" + name.text() + ")\n"
                            + "if parsed.scheme != \"https\" or parsed.hostname not in ALLOWED_HOSTS:\n"
                            + "    raise gr.Error(\"only https images from known hosts\")  # or HTTPException(400)\n"
                            + "resp = requests.get(" + name.text() + ", timeout=(3, 10), stream=True)\n"
                            + "data = resp.raw.read(MAX_BYTES + 1)  # and refuse anything longer");
            return true; // one per handler: the fix is the same check
        }
        return false;
    }

    /** The URL argument is a client parameter as it came ({@code url}, or an f-string that starts with it). */
    private static PyNode clientUrl(PyNode url, Set<String> client) {
        if (url.is("identifier")) {
            return client.contains(url.text()) ? url : null;
        }
        if (url.is("string") && url.text().matches("(?s)^[rRbB]?[fF][rRbB]?[\"']{1,3}\\{\\w+}.*")) {
            // f"{url}?size=large": the client's value is the whole scheme and host
            for (PyNode id : url.descendants("identifier", true)) {
                return client.contains(id.text()) ? id : null;
            }
        }
        return null;
    }
}
