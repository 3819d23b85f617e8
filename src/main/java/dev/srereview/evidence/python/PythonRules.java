package dev.srereview.evidence.python;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.FileRules;
import dev.srereview.evidence.Finding;
import java.util.List;

/** The Python rule family over tree-sitter syntax trees (skeleton: the python rules stage builds it). */
public final class PythonRules implements FileRules {
    @Override
    public String name() {
        return "python";
    }

    @Override
    public List<Finding> analyze(RepoSnapshot snapshot) {
        return List.of();
    }
}
