package dev.srereview.evidence.resources;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.FileRules;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.Snippets;
import java.util.ArrayList;
import java.util.List;

/** Findings from {@link ResourceArithmetic}: P0 when the weights alone exceed the limit, P1 under 20% headroom. */
public final class ResourceRules implements FileRules {
    private final ResourceArithmetic arithmetic = new ResourceArithmetic();

    @Override
    public String name() {
        return "resources";
    }

    @Override
    public List<Finding> analyze(RepoSnapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        for (ResourceEstimate e : arithmetic.estimates(snapshot)) {
            if (e.limitPath() == null || !(e.exceedsLimit() || e.tight())) {
                continue;
            }
            SourceFile f = snapshot.file(e.limitPath()).orElse(null);
            String snippet = f == null ? "" : Snippets.line(f, e.limitLine());
            boolean over = e.exceedsLimit();
            String consequence = over
                    ? " — OOM-killed at start (or at the first requests if the model loads lazily), then"
                    + " CrashLoopBackOff: the service never comes up."
                    : " — under 20% left for the interpreter, the framework, activations and request buffers: expect"
                    + " OOM kills under load.";
            out.add(new Finding(over ? "RES-MEM-001" : "RES-MEM-002", Category.RESOURCE_OVERCOMMIT,
                    over ? Severity.P0 : Severity.P1, e.limitPath(), Math.max(1, e.limitLine()),
                    e.where() + ": " + e.arithmetic() + consequence + " Workers from " + e.workersSource() + ".",
                    snippet, fix(e)));
        }
        return out;
    }

    private static String fix(ResourceEstimate e) {
        long need = (long) (e.totalBytes() * 1.3);
        long gib = Math.max(1, (long) Math.ceil(need / (double) (1L << 30)));
        return "# Either share one copy of the weights across workers (gunicorn loads the app before forking):\n"
                + "gunicorn --preload --workers " + e.workers() + " app:app\n"
                + "# or fewer workers per pod and more replicas:\n"
                + "gunicorn --workers 1 --threads 4 app:app\n"
                + "# or raise the limit to weights x workers + 30% headroom:\n"
                + "resources:\n  limits: {memory: " + gib + "Gi}\n  requests: {memory: " + gib + "Gi}";
    }
}
