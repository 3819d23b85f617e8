package dev.srereview.evidence.python;

import java.util.Set;

/** What a {@code .result()} or {@code .get()} waits on: a concurrent future or a Celery task's result. */
final class PendingResults {
    private PendingResults() {
    }

    /** A concurrent future: {@code pool.submit(...)}, a variable holding one, or the loop variable over a list of them. */
    static boolean future(PyNode recv, PyModule m) {
        if (recv == null) {
            return false;
        }
        if (recv.is("call")) {
            return futureFactory(m.callee(recv), recv);
        }
        if (!recv.is("identifier")) {
            return false;
        }
        String name = recv.text();
        String type = m.varTypes.get(name);
        if (type != null && type.endsWith(".submit") || type != null && type.endsWith("run_coroutine_threadsafe")) {
            return true;
        }
        // for f in futures: f.result()  — futures built from submit(), not as_completed()/wait()
        for (PyNode p = recv.parent; p != null; p = p.parent) {
            if (p.is("for_statement") || p.is("for_in_clause") || p.is("list_comprehension")
                    || p.is("generator_expression")) {
                PyNode loop = p.is("for_statement") || p.is("for_in_clause") ? p : p.firstNamed("for_in_clause");
                if (loop == null) {
                    continue;
                }
                PyNode left = loop.field("left");
                PyNode right = loop.field("right");
                if (left != null && right != null && left.text().equals(name)) {
                    return iterableOfSubmits(right, m);
                }
            }
        }
        return false;
    }

    private static boolean futureFactory(String callee, PyNode call) {
        return callee.endsWith(".submit") || callee.endsWith("run_coroutine_threadsafe");
    }

    private static boolean iterableOfSubmits(PyNode iterable, PyModule m) {
        if (iterable.text().contains(".submit(")) {
            return !iterable.is("call") || !Syntax.calleeName(iterable).equals("as_completed");
        }
        if (!iterable.is("identifier")) {
            return false;
        }
        for (PyNode a : m.assignments) {
            PyNode l = a.field("left");
            PyNode r = a.field("right");
            if (l != null && r != null && l.text().equals(iterable.text()) && r.text().contains(".submit(")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Celery task's result: {@code AsyncResult(job_id, app=celery).get()}, {@code res.get()} on such an object, or
     * {@code task.delay(x).get()} / {@code apply_async(...).get()} chained.
     */
    static boolean celery(PyNode call, String q) {
        PyNode recv = Syntax.receiver(call);
        return q.equals("celery.result.AsyncResult.get") || q.equals("celery.AsyncResult.get")
                || recv != null && recv.is("call") && Set.of("delay", "apply_async", "AsyncResult", "send_task")
                        .contains(Syntax.calleeName(recv));
    }
}
