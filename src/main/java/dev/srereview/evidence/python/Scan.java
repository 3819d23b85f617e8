package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The state of one rule pass over one module: the module, repository facts, and the findings so far. */
final class Scan {
    final PyModule module;
    final RepoFacts repo;
    final List<Finding> out = new ArrayList<>();
    private final Set<String> once = new HashSet<>();

    Scan(PyModule module, RepoFacts repo) {
        this.module = module;
        this.repo = repo;
    }

    FileRole role() {
        return module.role;
    }

    void emit(String ruleId, Category category, Severity severity, PyNode at, String message, String fix) {
        out.add(new Finding(ruleId, category, severity, module.path, at.line(), message, module.snippet(at), fix));
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
