package dev.srereview.evidence.python;

import java.util.List;
import java.util.regex.Pattern;

/** Whether a handler holds a value it read from the request to a bound or an allow-list (PY-INPUT-001's check). */
final class BoundsChecks {
    private BoundsChecks() {
    }

    /**
     * {@code replicas = int(request.form["replicas"])} followed by {@code if not 0 <= replicas <= 10:} or
     * {@code if replicas > MAX_REPLICAS:} (a bound other than 0 or 1), or {@code if mode not in ALLOWED_MODES:} (an
     * allow-list: named as one, or a literal collection): the value read is held to what the handler accepts, which is the check this
     * rule asks for, as is a cap where the value is read ({@code n = min(int(request.args["n"]), 50)}). A lower bound
     * alone ({@code if n <= 0}) or a lookup ({@code if text in cache}) bounds nothing.
     */
    static boolean held(PyNode use, PyNode handler) {
        PyNode assignment = use.parent;
        while (assignment != null && !assignment.is("assignment") && !assignment.is("block")) {
            if (cap(assignment, use)) {
                return true; // n = min(int(request.args.get("n", 10)), 50): capped where it is read
            }
            assignment = assignment.parent;
        }
        PyNode target = assignment == null || !assignment.is("assignment") ? null : assignment.field("left");
        if (target == null || !target.is("identifier")) {
            return false;
        }
        String name = target.text();
        for (PyNode cmp : handler.descendants("comparison_operator", true)) {
            List<PyNode> operands = cmp.named();
            List<String> operators = operators(cmp, operands);
            for (int i = 0; i < operators.size(); i++) {
                String op = operators.get(i);
                PyNode left = operands.get(i);
                PyNode right = operands.get(i + 1);
                // ordered against something other than 0 or 1: `n > 50`, `n > MAX_N`, `0 <= n <= 10`, not `n <= 0`
                PyNode other = left.text().equals(name) ? right : right.text().equals(name) ? left : null;
                boolean upper = other != null && op.matches("[<>]=?") && !other.text().matches("-?[01](\\.0)?");
                boolean allowList = left.text().equals(name) && (op.equals("in") || op.matches("not\\s+in"))
                        && (ALLOW_LIST.matcher(right.text()).find() || right.is("set") || right.is("list")
                            || right.is("tuple"));
                if (upper || allowList) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code min(value, 50)}, {@code min(value, MAX_N)}: a cap other than 0 or 1 on what is read. */
    private static boolean cap(PyNode n, PyNode use) {
        if (!n.is("call") || !Syntax.calleeName(n).equals("min") || !n.field("function").is("identifier")) {
            return false;
        }
        List<PyNode> args = Syntax.positional(n);
        // a bound among the other arguments (not the one that holds the value read)
        return args.size() >= 2 && args.stream().anyMatch(a -> (a.startByte > use.startByte || a.endByte < use.endByte)
                && (a.is("integer") || a.is("float") || a.is("identifier") || a.is("attribute"))
                && !a.text().matches("-?[01](\\.0)?"));
    }

    /** An allow-list by its name: {@code ALLOWED_MODES}, {@code settings.SUPPORTED_LANGS} (not a cache or a store). */
    private static final Pattern ALLOW_LIST = Pattern.compile(
            "(?i)(allow|support|valid|accept|known|choice|option|permit|enabled|white)\\w*$");

    /** The operators between a comparison's operands, in order ({@code 0 <= n <= 10}: "<=", "<="). */
    private static List<String> operators(PyNode cmp, List<PyNode> operands) {
        String text = cmp.text();
        List<String> out = new java.util.ArrayList<>();
        int at = 0;
        for (int i = 0; i < operands.size(); i++) {
            int start = text.indexOf(operands.get(i).text(), at);
            if (start < 0) {
                return List.of();
            }
            if (i > 0) {
                out.add(text.substring(at, start).strip());
            }
            at = start + operands.get(i).text().length();
        }
        return out;
    }
}
