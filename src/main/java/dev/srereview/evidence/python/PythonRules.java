package dev.srereview.evidence.python;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.FileRules;
import dev.srereview.evidence.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Python rule family. Each file is parsed once with tree-sitter, indexed, and walked once with every rule
 * dispatched on node type, files in parallel (one parser per thread); findings that depend on the rest of the
 * repository wait for its facts ({@link RepoCondition}), and repository-wide rules (health, rate limit) then look
 * across the modules that serve.
 */
public final class PythonRules implements FileRules {
    private static final Logger LOG = LoggerFactory.getLogger(PythonRules.class);
    private static final int SMALL_REPO_FILES = 8;

    private final int threads;
    private final Map<String, List<NodeRule>> byType = new HashMap<>();
    private final ServiceRules serviceRules = new ServiceRules();
    private final ParseTask parseTask;

    public PythonRules() {
        this(Runtime.getRuntime().availableProcessors());
    }

    PythonRules(int threads) {
        this(threads, TreeParsers.preferred());
    }

    PythonRules(int threads, Supplier<TreeParser> parsers) {
        this.threads = Math.max(1, threads);
        List<NodeRule> rules = List.of(new ExceptRules(), new LoggingRules(), new TimeoutRules(), new SecurityRules(),
                new DebugRules(), new RetryRules(), new RequeueRules(), new ShutdownRules(), new MemoryRules(), new InstanceMemoryRules(), new ModelLoadRules(),
                new InputValidationRules(), new UnboundedCountRules(), new BodyListRules(), new PyfuncInputRules(), new PathTraversalRules(), new FetchedUrlRules(), new HardcodedConfigRules(),
                new CelerySerializerRules(), new DecompressionBombRules(), new LoopbackHostRules(),
                new AirflowTemplateRules());
        for (NodeRule r : rules) {
            for (String t : r.nodeTypes()) {
                byType.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
        }
        // a HashSet, not Set.copyOf: asked of every node, nearly always "no", which a hash check answers at once
        this.parseTask = new ParseTask(parsers, new HashSet<>(byType.keySet()));
    }

    @Override
    public String name() {
        return "python";
    }

    @Override
    public List<Finding> analyze(RepoSnapshot snapshot) {
        List<SourceFile> files = snapshot.files().stream().filter(PythonRules::isPython)
                .sorted(Comparator.comparingLong(SourceFile::sizeBytes).reversed()).toList();
        if (files.isEmpty()) {
            return List.of();
        }
        // what production starts, read once: a training-kind file a CronJob or CMD runs is production code
        LaunchCommands launch = LaunchCommands.of(snapshot);
        ServedModules served = ServedModules.of(snapshot, launch);
        List<ModuleResult> results;
        try {
            results = inParallel(files, f -> analyzeModule(f, launch, served));
        } catch (LinkageError e) {
            // No native tree-sitter for this platform: the review goes on without Python evidence.
            LOG.error("tree-sitter could not be loaded ({}); {} Python files were not analysed", e.toString(),
                    files.size());
            return List.of();
        } finally {
            parseTask.closeIdle();
        }
        RepoFacts facts = RepoFacts.of(results.stream().map(ModuleResult::facts).toList(), snapshot, launch);
        List<Finding> all = new ArrayList<>();
        List<PyModule> web = new ArrayList<>();
        for (ModuleResult r : results) {
            all.addAll(r.findings());
            for (Scan.Conditional c : r.conditional()) {
                if (c.conditions().stream().allMatch(cond -> facts.holds(cond, c.finding().path(), c.subjects()))) {
                    all.add(c.finding());
                }
            }
            if (r.web() != null) {
                web.add(r.web());
            }
        }
        all.addAll(serviceRules.check(web, facts));
        // one finding can stand under two conditions (a helper both a handler and a worker loop call)
        all = new ArrayList<>(new LinkedHashSet<>(all));
        all.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line).thenComparing(Finding::ruleId));
        return List.copyOf(all);
    }

    /**
     * One module's part of the review: its findings (some conditional on repository facts), its facts, and the
     * module itself only when it creates an app or registers a route ({@link ServiceRules} looks across those).
     * Every other module's syntax tree is garbage as soon as this returns, so a large repository never holds
     * all its trees at once (they were most of a review's memory, and its collector's work).
     */
    private record ModuleResult(List<Finding> findings, List<Scan.Conditional> conditional, ModuleFacts facts,
                                PyModule web) {
    }

    private ModuleResult analyzeModule(SourceFile f, LaunchCommands launch, ServedModules served) {
        PyModule m = parseTask.parse(f);
        if (m == null) {
            return null;
        }
        // a nightly job that fits and scores, a preprocess.py the service imports, or an orchestrator's DAG that
        // trains and deploys on a schedule: production code after all
        if (m.role == FileRole.TRAINING && (launch.starts(m.path) || served.contains(m.path)
                || m.importsAny("airflow", "prefect", "dagster"))) {
            m.role = FileRole.SCRIPT;
        }
        Scan scan = walk(m);
        // Django views too: a route in urls.py is reported at the view it names (ServiceRules)
        boolean web = !m.routes.isEmpty() || !m.apps.isEmpty()
                || !m.handlers.isEmpty() && m.importsAny("django", "rest_framework");
        return new ModuleResult(scan.out, scan.conditional, ModuleFacts.of(m), web ? m : null);
    }

    static boolean isPython(SourceFile f) {
        String p = f.path().toLowerCase(Locale.ROOT);
        return p.endsWith(".py") || p.endsWith(".pyw") || f.kind() == FileKind.NOTEBOOK;
    }

    private Scan walk(PyModule m) {
        Scan scan = new Scan(m);
        try {
            for (PyNode n : m.ruleNodes) {
                for (NodeRule r : byType.get(n.type)) {
                    r.check(n, scan);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("python rules stopped early on {}: {}", m.path, e.toString(), e);
        }
        return scan;
    }

    /**
     * Runs {@code work} over the items on {@code threads} threads; null results (skipped files) are dropped.
     * Each worker thread gets its own parser through the thread-confined {@link ParseTask}.
     */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        int n = Math.min(threads, items.size());
        if (items.size() < SMALL_REPO_FILES) {
            n = 1; // threads cost more than they save on a handful of files
        }
        if (n <= 1) {
            List<R> out = new ArrayList<>();
            for (T item : items) {
                R r = work.apply(item);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "pyrules");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<List<R>>> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                parts.add(pool.submit(() -> {
                    List<R> mine = new ArrayList<>();
                    for (int k = next.getAndIncrement(); k < items.size(); k = next.getAndIncrement()) {
                        R r = work.apply(items.get(k));
                        if (r != null) {
                            mine.add(r);
                        }
                    }
                    return mine;
                }));
            }
            List<R> out = new ArrayList<>();
            for (Future<List<R>> f : parts) {
                out.addAll(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("python analysis interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("python analysis failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Parses and indexes one file. Parsers are not thread-safe, so each parse borrows one that no other thread
     * holds and returns it for the next file; when an analysis ends its parsers are closed, so their native
     * memory does not wait for the collector (the chat builds an engine per review).
     */
    private static final class ParseTask {
        private final ConcurrentLinkedQueue<TreeParser> idle = new ConcurrentLinkedQueue<>();
        private final Supplier<TreeParser> parsers;
        private final Set<String> ruleTypes;

        ParseTask(Supplier<TreeParser> parsers, Set<String> ruleTypes) {
            this.parsers = parsers;
            this.ruleTypes = ruleTypes;
        }

        PyModule parse(SourceFile f) {
            TreeParser parser = idle.poll();
            try {
                if (parser == null) {
                    parser = parsers.get();
                }
                String content = prepare(f);
                byte[] utf8 = content.getBytes(StandardCharsets.UTF_8);
                PyNode root = parser.parse(content, utf8);
                PyModule m = new PyModule(f.path(), f.kind(), root, f.content());
                ModuleIndexer.index(m, ruleTypes);
                return m;
            } catch (RuntimeException e) {
                LOG.warn("skipping {}: could not parse or index it ({})", f.path(), e.toString(), e);
                return null;
            } finally {
                if (parser != null) {
                    idle.offer(parser);
                }
            }
        }

        /** Closes every parser not in use (all of them, once an analysis has finished). */
        void closeIdle() {
            for (TreeParser p = idle.poll(); p != null; p = idle.poll()) {
                p.close();
            }
        }

        /** NUL bytes out; notebook magics (%, !) commented so the cell still parses, line numbers unchanged. */
        private static String prepare(SourceFile f) {
            String c = f.content().replace('\0', ' ');
            if (f.kind() == FileKind.NOTEBOOK || f.path().toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
                c = c.replaceAll("(?m)^(\\s*)([%!])", "$1#$2");
            }
            return c;
        }
    }
}
