package dev.srereview.evidence;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.ci.WorkflowRules;
import dev.srereview.evidence.deps.DependencyRules;
import dev.srereview.evidence.docker.DockerfileRules;
import dev.srereview.evidence.k8s.ComposeRules;
import dev.srereview.evidence.k8s.K8sRules;
import dev.srereview.evidence.python.PythonRules;
import dev.srereview.evidence.resources.ResourceRules;
import dev.srereview.evidence.secrets.SecretRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every rule family over a snapshot and returns the findings, worst first, then by path and line.
 * Families run in parallel (bounded by the cores); a family that fails is logged and skipped, so one
 * broken rule never costs the user the rest of the evidence.
 */
public final class EvidenceEngine {
    private static final Logger log = LoggerFactory.getLogger(EvidenceEngine.class);
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).thenComparing(Finding::path)
            .thenComparingInt(Finding::line).thenComparing(f -> f.category().id()).thenComparing(Finding::ruleId);

    private final List<FileRules> families;
    private final int threads;

    public EvidenceEngine(List<FileRules> families) {
        this(families, Runtime.getRuntime().availableProcessors());
    }

    EvidenceEngine(List<FileRules> families, int threads) {
        this.families = List.copyOf(families);
        this.threads = Math.max(1, Math.min(threads, this.families.size()));
    }

    /** Every family: Python (tree-sitter), Dockerfile, Kubernetes, compose, dependencies, secrets, resource arithmetic. */
    public static EvidenceEngine withDefaultRules() {
        return new EvidenceEngine(List.of(new PythonRules(), new DockerfileRules(), new K8sRules(), new ComposeRules(),
                new DependencyRules(), new SecretRules(), new ResourceRules(), new WorkflowRules()));
    }

    public List<String> familyNames() {
        return families.stream().map(FileRules::name).toList();
    }

    /** The families, in order (for per-family benchmarks). */
    public List<FileRules> families() {
        return families;
    }

    public List<Finding> analyze(RepoSnapshot snapshot) {
        List<Finding> all = threads == 1 ? sequential(snapshot) : parallel(snapshot);
        // Two rules may land on the same line for the same cause; keep the worst.
        Map<String, Finding> unique = new LinkedHashMap<>();
        all.stream().sorted(ORDER).forEach(f -> unique.putIfAbsent(f.ruleId() + "|" + f.path() + "|" + f.line(), f));
        return List.copyOf(unique.values());
    }

    private List<Finding> sequential(RepoSnapshot snapshot) {
        List<Finding> all = new ArrayList<>();
        for (FileRules family : families) {
            all.addAll(run(family, snapshot));
        }
        return all;
    }

    private List<Finding> parallel(RepoSnapshot snapshot) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evidence-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Finding>>> futures = new ArrayList<>();
            // Python is the heaviest family; submitting it first keeps the other core busy with the rest.
            for (FileRules family : families) {
                futures.add(pool.submit(() -> run(family, snapshot)));
            }
            List<Finding> all = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    all.addAll(futures.get(i).get());
                } catch (ExecutionException e) {
                    log.error("rule family {} failed; its findings are missing", families.get(i).name(), e.getCause());
                }
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evidence analysis interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Finding> run(FileRules family, RepoSnapshot snapshot) {
        long start = System.nanoTime();
        try {
            List<Finding> found = family.analyze(snapshot);
            log.debug("rule family {}: {} findings in {} ms", family.name(), found.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return found;
        } catch (RuntimeException e) {
            log.error("rule family {} failed on {}; its findings are missing", family.name(), snapshot.target(), e);
            return List.of();
        }
    }
}
