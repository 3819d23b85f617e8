package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The state of one rule pass over one module: the module and the findings so far, some of them conditional on
 * repository-wide facts that are only known once every module is indexed ({@link RepoCondition}).
 */
final class Scan {
    /**
     * A finding that stands only if every one of its conditions holds for the repository.
     *
     * @param subjects for {@link RepoCondition#CALLED_FROM_A_HANDLER}: the module-level function the finding is in and
     *                 the module's functions that call it, directly or through each other
     */
    record Conditional(Set<RepoCondition> conditions, Finding finding, Set<String> subjects) {
    }

    final PyModule module;
    final List<Finding> out = new ArrayList<>();
    final List<Conditional> conditional = new ArrayList<>();
    private final Set<String> once = new HashSet<>();
    private final Map<String, Set<String>> callers = new HashMap<>();
    private final Map<String, Set<String>> referencing = new HashMap<>();
    private Map<String, Set<String>> referencedBy;

    Scan(PyModule module) {
        this.module = module;
    }

    FileRole role() {
        return module.role;
    }

    void emit(String ruleId, Category category, Severity severity, PyNode at, String message, String fix) {
        emitIf(Set.of(), ruleId, category, severity, at, message, fix);
    }

    /** Emits a finding that stands only if {@code condition} holds for the repository (null: it always does). */
    void emitIf(RepoCondition condition, String ruleId, Category category, Severity severity, PyNode at,
                String message, String fix) {
        emitIf(condition == null ? Set.of() : Set.of(condition), ruleId, category, severity, at, message, fix);
    }

    /** Emits a finding that stands only if all {@code conditions} hold (none: it always does). */
    void emitIf(Set<RepoCondition> conditions, String ruleId, Category category, Severity severity, PyNode at,
                String message, String fix) {
        emitIf(conditions, Set.of(), ruleId, category, severity, at, message, fix);
    }

    /** As above, with the {@code subjects} the conditions are asked about ({@link RepoFacts#holds}). */
    void emitIf(Set<RepoCondition> conditions, Set<String> subjects, String ruleId, Category category,
                Severity severity, PyNode at, String message, String fix) {
        Finding f = new Finding(ruleId, category, severity, module.path, at.line(), message, module.snippet(at), fix);
        if (conditions.isEmpty()) {
            out.add(f);
        } else {
            conditional.add(new Conditional(Set.copyOf(conditions), f, Set.copyOf(subjects)));
        }
    }

    /**
     * Emits a finding that stands only if a request handler of a service module (in another file) calls
     * {@code function}, this module's top-level function the finding is in.
     */
    void emitIfCalledFromHandler(String function, String ruleId, Category category, Severity severity, PyNode at,
                                 String message, String fix) {
        Finding f = new Finding(ruleId, category, severity, module.path, at.line(), message, module.snippet(at), fix);
        conditional.add(new Conditional(Set.of(RepoCondition.CALLED_FROM_A_HANDLER), f, callers(function)));
    }

    /**
     * Emits a finding that stands only if {@code condition} holds for {@code subjects} (for
     * {@link RepoCondition#CALLEE_LOADS_MODEL}: the qualified name the call resolves to).
     */
    void emitIf(RepoCondition condition, Set<String> subjects, String ruleId, Category category, Severity severity,
                PyNode at, String message, String fix) {
        Finding f = new Finding(ruleId, category, severity, module.path, at.line(), message, module.snippet(at), fix);
        conditional.add(new Conditional(Set.of(condition), f, Set.copyOf(subjects)));
    }

    /** {@code function} and every function of this module that reaches it through plain calls (memoised per module). */
    Set<String> callers(String function) {
        return callers.computeIfAbsent(function, f -> reaching(f, c -> true));
    }

    /**
     * {@code function} and every function of this module that reaches it through plain calls for which
     * {@code through} holds (a cached getter's call stops a model load's chain).
     */
    Set<String> reaching(String function, Predicate<PyNode> through) {
        Set<String> reach = new HashSet<>(Set.of(function));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var e : module.functions.entrySet()) {
                if (reach.contains(e.getKey())) {
                    continue;
                }
                boolean calls = e.getValue().stream().anyMatch(def -> def.descendants("call", false).stream()
                        .anyMatch(c -> (c.field("function") != null && c.field("function").is("identifier")
                                && reach.contains(c.field("function").text()) || handsOn(c, reach)) && through.test(c)));
                if (calls) {
                    reach.add(e.getKey());
                    grew = true;
                }
            }
        }
        return Set.copyOf(reach);
    }

    /** Calls that run a function they are handed, now or soon: a pool's submit, a thread, an executor. */
    static final Set<String> RUNS_ITS_ARGUMENT = Set.of("submit", "run_in_executor", "Thread", "Timer",
            "apply_async", "start_new_thread", "to_thread", "run_in_threadpool", "run_sync", "map", "apply");

    /** {@code executor.submit(_do_shadow, payload)}: the call runs {@code _do_shadow}, one of {@code reach}. */
    private static boolean handsOn(PyNode c, Set<String> reach) {
        PyNode args = c.field("arguments");
        if (args == null || !RUNS_ITS_ARGUMENT.contains(Syntax.calleeName(c))) {
            return false;
        }
        for (PyNode a : args.named()) {
            PyNode v = a.is("keyword_argument") ? a.field("value") : a;
            if (v != null && v.is("identifier") && reach.contains(v.text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code function} and every function of this module that names it, called or handed on
     * ({@code threading.Thread(target=_loop)}, a callback), and so on up; a method's class with it (a service imports
     * the class); and "*" when the module's own top level names one of them (it runs on import). What can set it
     * running, for a caller elsewhere.
     */
    Set<String> referencing(String function) {
        return referencing.computeIfAbsent(function, f -> {
            if (referencedBy == null) {
                referencedBy = referencesIndex();
            }
            Set<String> reach = new HashSet<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(f));
            while (!todo.isEmpty()) {
                String name = todo.pop();
                if (!reach.add(name)) {
                    continue;
                }
                todo.addAll(referencedBy.getOrDefault(name, Set.of()));
                for (PyNode def : module.functions.getOrDefault(name, List.of())) {
                    PyNode cls = Syntax.ownerClass(def);
                    if (cls != null) {
                        todo.add(Syntax.functionName(cls));
                    }
                }
            }
            return Set.copyOf(reach);
        });
    }

    /** For each function or class name of this module, the functions (and "*", the top level) that name it. */
    private Map<String, Set<String>> referencesIndex() {
        Map<String, Set<String>> index = new HashMap<>();
        for (var e : module.functions.entrySet()) {
            for (PyNode def : e.getValue()) {
                PyNode body = def.field("body");
                if (body != null) {
                    for (PyNode id : body.descendants("identifier", false)) {
                        named(index, id.text(), e.getKey());
                    }
                }
            }
        }
        for (PyNode stmt : module.root.named()) {
            if (!stmt.is("function_definition") && !stmt.is("class_definition") && !stmt.is("decorated_definition")
                    && !module.mainGuards.contains(stmt)) {
                for (PyNode id : stmt.descendants("identifier", false)) {
                    named(index, id.text(), "*");
                }
            }
        }
        return index;
    }

    private void named(Map<String, Set<String>> index, String name, String by) {
        if (!name.equals(by) && (module.functions.containsKey(name) || module.classes.contains(name))) {
            index.computeIfAbsent(name, k -> new HashSet<>()).add(by);
        }
    }

    /** True the first time a key is seen in this module: for rules that report once per thing. */
    boolean first(String key) {
        return once.add(key);
    }

    /** Default severity for production code, lowered to P3 for training code and notebooks. */
    Severity byRole(Severity production) {
        return switch (module.role) {
            case SERVICE, SCRIPT -> production;
            default -> Severity.P3;
        };
    }

    static Severity lower(Severity s) {
        return s == Severity.P3 ? Severity.P3 : Severity.values()[s.ordinal() + 1];
    }
}
