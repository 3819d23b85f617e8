package dev.srereview.review.offline;

import dev.srereview.context.Artifact;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.resources.MemoryQuantity;
import dev.srereview.evidence.resources.ResourceArithmetic;
import dev.srereview.evidence.resources.ResourceEstimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The Resource Concerns section: the weights × workers arithmetic, the artifacts, and the capacity findings. */
final class ResourceNotes {
    private final ResourceArithmetic arithmetic;

    ResourceNotes(ResourceArithmetic arithmetic) {
        this.arithmetic = arithmetic;
    }

    List<String> notes(RepoSnapshot snapshot, List<Finding> findings, SafeText text) {
        List<String> out = new ArrayList<>();
        for (ResourceEstimate e : arithmetic.estimates(snapshot)) {
            String verdict;
            if (e.limitBytes() == null) {
                verdict = ". No memory limit is set, so nothing stops one pod from taking the node's memory; set the"
                        + " limit to at least " + MemoryQuantity.decimal((long) (e.totalBytes() * 1.3))
                        + " (weights x workers + 30%).";
            } else if (e.exceedsLimit()) {
                verdict = " — OOM-killed at start. Limit set at " + text.cite(e.limitPath(), e.limitLine()) + ".";
            } else if (e.tight()) {
                verdict = " — under 20% headroom for the interpreter, activations and request buffers ("
                        + text.cite(e.limitPath(), e.limitLine()) + ").";
            } else {
                verdict = " — fits, with " + MemoryQuantity.decimal(e.limitBytes() - e.totalBytes())
                        + " left for the interpreter, activations and buffers ("
                        + text.cite(e.limitPath(), e.limitLine()) + ").";
            }
            out.add(e.where() + ": " + e.arithmetic() + verdict + " Workers: " + e.workersSource() + ".");
        }
        List<Artifact> weights = snapshot.artifacts().stream()
                .sorted(Comparator.comparingLong(Artifact::sizeBytes).reversed()).limit(5).toList();
        if (!weights.isEmpty()) {
            long total = snapshot.artifacts().stream().mapToLong(Artifact::sizeBytes).sum();
            List<String> names = weights.stream().map(a -> text.cite(a.path(), 0) + " (" + MemoryQuantity.decimal(a.sizeBytes()) + ")").toList();
            out.add("Artifacts in the tree: " + String.join(", ", names) + (snapshot.artifacts().size() > 5 ? ", …" : "")
                    + "; " + MemoryQuantity.decimal(total) + " in all. Baked into an image, every deploy and every new"
                    + " node pulls them (slow scale-out); consider fetching versioned weights from object storage at start.");
        }
        capacity(findings, Category.K8S_NO_RESOURCE_LIMITS, "without memory limits or requests", text, out);
        capacity(findings, Category.UNBOUNDED_MEMORY, "with unbounded in-process growth", text, out);
        capacity(findings, Category.MODEL_LOADED_PER_REQUEST, "that load a model per request (memory and latency per call)", text, out);
        capacity(findings, Category.NO_RATE_LIMIT, "with no rate limit (one client can saturate every worker)", text, out);
        if (out.isEmpty()) {
            out.add("No weight files, memory limits or worker settings found in the tree. Measure RSS per worker"
                    + " under load (for example with a 10-minute load test at 2x peak) and set memory limits to"
                    + " that figure plus 30%.");
        }
        return out;
    }

    private static void capacity(List<Finding> findings, Category c, String what, SafeText text, List<String> out) {
        List<Finding> mine = findings.stream().filter(f -> f.category() == c).toList();
        if (mine.isEmpty()) {
            return;
        }
        List<String> where = mine.stream().limit(4).map(f -> text.cite(f.path(), f.line())).toList();
        out.add(mine.size() + (mine.size() == 1 ? " place " : " places ") + what + ": " + String.join(", ", where)
                + (mine.size() > 4 ? ", …" : "") + ".");
    }
}
