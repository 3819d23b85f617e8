package dev.srereview.evidence.python;

import java.util.Set;

/** A rule that looks at nodes of some types during the single walk over a module's tree. */
interface NodeRule {
    Set<String> nodeTypes();

    void check(PyNode node, Scan scan);
}
