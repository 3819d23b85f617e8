package dev.srereview.evidence;

import dev.srereview.context.RepoSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule family over a snapshot and returns the findings, worst first, then by path and line. */
public final class EvidenceEngine {
    private final List<FileRules> families;

    public EvidenceEngine(List<FileRules> families) {
        this.families = List.copyOf(families);
    }

    public List<Finding> analyze(RepoSnapshot snapshot) {
        List<Finding> all = new ArrayList<>();
        for (FileRules family : families) {
            all.addAll(family.analyze(snapshot));
        }
        all.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::path).thenComparingInt(Finding::line));
        return List.copyOf(all);
    }
}
