package dev.srereview.evidence.python;

import static dev.srereview.evidence.python.RetryRules.DELAY;
import static dev.srereview.evidence.python.RetryRules.RETRY_WORDS;
import static dev.srereview.evidence.python.RetryRules.ownDescendants;
import static dev.srereview.evidence.python.RetryRules.remoteCall;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Retry loops with no try statement, told by what they do with the answer: a call whose truth is success tried
 * again, the same request repeated until its status is final, a {@code continue} on 429, a {@code while} whose own
 * condition is the failed answer. RetryRules then looks for the delay (or its absence) in the loop.
 */
final class AnswerRetries {
    /**
     * The answer was a success, or at least final: {@code status_code == 200}, {@code 2xx}, {@code resp.ok}, anything but
     * the overload answer ({@code resp.status != 503}).
     */
    private static final Pattern SUCCESS_ANSWER = Pattern.compile(
            "\\bstatus(_code)?\\b\\s*(==\\s*2\\d\\d|<\\s*[34]00|in\\s*\\(\\s*2\\d\\d|!=\\s*(429|5\\d\\d)\\b)"
                    + "|^\\s*[\\w.]+\\.ok\\s*$|\\.returncode\\s*==\\s*0\\b");
    /** A test of an answer that failed: a 429/5xx status, not ok, an error (a job still running is not). */
    private static final Pattern FAILED_ANSWER = Pattern.compile(
            "\\bstatus(_code)?\\b\\s*(==\\s*(429|5\\d\\d)|>=?\\s*[45]\\d\\d|in\\b)|\\bnot\\s+\\w+\\.ok\\b|\\.error\\b|\\b(429|503|502)\\b");

    private AnswerRetries() {
    }

    /** Any of the shapes below: the loop asks again on the answer alone. */
    static boolean retries(PyNode loop, PyNode body, Scan scan) {
        return retriesOnFalse(loop, body) || retriesOnStatus(body, scan) || callsUntilSuccess(loop, body, scan)
                || whileFailing(loop, body, scan);
    }

    /**
     * {@code while resp.status_code == 429: resp = requests.post(URL, json=payload)}: the loop's own condition is the
     * failed answer, and its body asks again.
     */
    private static boolean whileFailing(PyNode loop, PyNode body, Scan scan) {
        PyNode cond = loop.is("while_statement") ? loop.field("condition") : null;
        return cond != null && FAILED_ANSWER.matcher(cond.text()).find()
                && body.descendants("call", true).stream().anyMatch(c -> remoteCall(c, scan));
    }

    /**
     * A retry with no try: {@code for attempt in range(5): if send(event): return} — a call whose truth is success,
     * tried again when it fails. Retry words in the loop's header say it is one (a scan over mirrors is not).
     */
    private static boolean retriesOnFalse(PyNode loop, PyNode body) {
        PyNode header = loop.is("for_statement") ? loop.field("left") : loop.field("condition");
        if (header == null || !RETRY_WORDS.matcher(header.text()).find()) {
            return false;
        }
        for (PyNode stmt : Syntax.statements(body)) {
            PyNode cond = stmt.is("if_statement") ? stmt.field("condition") : null;
            PyNode then = cond == null ? null : stmt.field("consequence");
            if (cond != null && then != null && (cond.is("call") || cond.is("await")) && stmt.field("alternative") == null) {
                List<PyNode> exits = Syntax.statements(then);
                if (exits.size() == 1 && (exits.get(0).is("return_statement") || exits.get(0).is("break_statement"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The same call repeated until its answer is a success, with nothing else in between: {@code for _ in range(3):
     * resp = requests.post(URL, json=body); if resp.status_code == 200: return resp.json()}, or {@code while True:}
     * around the same. The loop's variable is unused (the call does not change per pass), so each pass is another try
     * of the same request. After the check, only calls that are not another request may follow ({@code resp.release()},
     * a log line).
     */
    private static boolean callsUntilSuccess(PyNode loop, PyNode body, Scan scan) {
        if (loop.is("for_statement")) {
            PyNode var = loop.field("left");
            if (var == null || !var.is("identifier")) {
                return false;
            }
            String name = var.text();
            // the attempt number in a log line (`log.warning("attempt %d", attempt + 1)`) does not change the request
            if (!name.equals("_") && body.descendants("identifier", false).stream()
                    .anyMatch(i -> i.text().equals(name) && !inLogCall(i, body))) {
                return false;
            }
        } else {
            PyNode cond = loop.field("condition");
            if (cond == null || !(cond.is("true") || cond.text().equals("1"))) {
                return false; // a loop over a changing condition is not the same request again
            }
        }
        List<PyNode> stmts = Syntax.statements(body);
        int check = -1;
        for (int i = 1; i < stmts.size() && check < 0; i++) {
            PyNode st = stmts.get(i);
            PyNode cond = st.is("if_statement") ? st.field("condition") : null;
            PyNode then = cond == null ? null : st.field("consequence");
            if (then != null && st.field("alternative") == null && SUCCESS_ANSWER.matcher(cond.text()).find()
                    && (!ownDescendants(then, "return_statement").isEmpty()
                    || !ownDescendants(then, "break_statement").isEmpty())) {
                check = i;
            }
        }
        if (check < 0) {
            return false;
        }
        if (body.descendants("call", true).stream().anyMatch(c -> DELAY.matcher(Syntax.calleeName(c)).find())) {
            return false; // a poll that waits between looks (a job's status) is not a retry storm
        }
        for (int i = check + 1; i < stmts.size(); i++) {
            PyNode st = stmts.get(i);
            PyNode call = requestCall(st);
            if (call == null || st.named().get(0).is("assignment") || remoteCall(call, scan)) {
                return false; // an assignment or a second request after the check: not a plain try-again
            }
        }
        boolean asks = false;
        for (int i = 0; i < check; i++) {
            // only `resp = client.post(...)` (or the bare call, or a log line) before the check: a cursor or page
            // that changes per pass makes it a pagination loop, not the same request again
            PyNode call = requestCall(stmts.get(i));
            if (call != null && !stmts.get(i).named().get(0).is("assignment") && logCall(call)) {
                continue;
            }
            if (call == null || !remoteCall(call, scan) && !scan.module.callee(call).startsWith("subprocess.")) {
                return false; // a command run again until it exits 0 (a download, a sync) is the same retry
            }
            asks = true;
        }
        return asks;
    }

    /** {@code log.info(...)}, {@code logger.warning(...)}, {@code print(...)}. */
    private static boolean logCall(PyNode call) {
        String name = Syntax.calleeName(call);
        PyNode recv = Syntax.receiver(call);
        return name.equals("print") || LOG_CALL.matcher(name).matches() && recv != null && LOGGER.matcher(recv.text()).find();
    }

    /** {@code id} is an argument of a logging or print call inside {@code body}. */
    private static boolean inLogCall(PyNode id, PyNode body) {
        for (PyNode p = id.parent; p != null && p != body; p = p.parent) {
            if (p.is("call") && LOG_CALL.matcher(Syntax.calleeName(p)).matches()) {
                return logCall(p);
            }
        }
        return false;
    }

    private static final Pattern LOG_CALL = Pattern.compile("debug|info|warning|warn|error|exception|print");
    private static final Pattern LOGGER = Pattern.compile("(?i)log");

    /** The call of {@code x = call(...)}, {@code call(...)} or {@code await call(...)} as a statement, else null. */
    private static PyNode requestCall(PyNode st) {
        PyNode expr = st.is("expression_statement") && !st.named().isEmpty() ? st.named().get(0) : null;
        PyNode call = expr == null ? null : expr.is("assignment") ? expr.field("right") : expr;
        if (call != null && call.is("await") && !call.named().isEmpty()) {
            call = call.named().get(0);
        }
        return call != null && call.is("call") ? call : null;
    }

    /**
     * A retry on the answer, with no try: {@code resp = requests.post(...)}, {@code if resp.status_code == 429:
     * continue}, then {@code break} (or return) once it worked.
     */
    private static boolean retriesOnStatus(PyNode body, Scan scan) {
        List<PyNode> stmts = Syntax.statements(body);
        // `async with session.post(...) as resp:` holding the rest of the pass: its body is the retry, its call the
        // request (a log line may come before it)
        PyNode opened = null;
        for (PyNode st : stmts) {
            if (st.is("with_statement") && st.field("body") != null
                    && !ownDescendants(st.field("body"), "continue_statement").isEmpty()) {
                opened = st;
                break;
            }
        }
        if (opened != null) {
            stmts = Syntax.statements(opened.field("body"));
        }
        // the shape first, from the loop's own statements (cheap): an `if …: continue`, then a break or return
        int again = -1;
        int exit = -1;
        for (int i = 0; i < stmts.size() && exit < 0; i++) {
            PyNode stmt = stmts.get(i);
            PyNode then = stmt.is("if_statement") ? stmt.field("consequence") : null;
            PyNode cond = then == null ? null : stmt.field("condition");
            if (then != null && again < 0 && !ownDescendants(then, "continue_statement").isEmpty()
                    && FAILED_ANSWER.matcher(cond == null ? "" : cond.text()).find()) {
                again = i;
            } else if (again >= 0 && (stmt.is("break_statement") || stmt.is("return_statement"))) {
                exit = i;
            } else if (again < 0 && then != null && SUCCESS_ANSWER.matcher(cond == null ? "" : cond.text()).find()
                    && !ownDescendants(then, "return_statement").isEmpty()) {
                exit = -2; // `if resp.status_code == 202: return` first, then `if … 429 …: continue`
            }
            if (exit == -2 && again >= 0) {
                exit = i;
            }
        }
        if (exit < 0) {
            return false;
        }
        if (opened != null) {
            for (PyNode item : opened.named()) {
                if (item != opened.field("body") && item.descendants("call", true).stream().anyMatch(c -> remoteCall(c, scan))
                        || item.is("call") && remoteCall(item, scan)) {
                    return true;
                }
            }
        }
        // then a call to another system before the check
        for (int i = 0; i < again; i++) {
            for (PyNode c : stmts.get(i).descendants("call", true)) {
                if (remoteCall(c, scan)) {
                    return true;
                }
            }
        }
        return false;
    }
}
