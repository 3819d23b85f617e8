package dev.srereview.evidence;

import dev.srereview.context.RepoSnapshot;
import java.util.List;

/**
 * A family of rules for one kind of file (python/, docker/, k8s/, deps/, secrets/).
 * Implementations are stateless and thread-safe: the engine may call them from several threads.
 */
public interface FileRules {
    /** Short name for logs and benchmarks, e.g. "python". */
    String name();

    /** All findings of this family over the snapshot. Must not throw for a malformed file: skip it and log. */
    List<Finding> analyze(RepoSnapshot snapshot);
}
