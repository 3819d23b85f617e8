package dev.srereview.evidence.bench;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.EvidenceEngine;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.corpus.Annotations;
import dev.srereview.evidence.corpus.CorpusScore;
import dev.srereview.evidence.corpus.FixtureRepos;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench/rules.sh runs this (test classpath: it never ships in the jar). Prints per-category precision and
 * recall over the annotated corpus, then the engine's time over a directory (the corpus by default), warm,
 * as the median of several runs, in-process.
 *
 * <pre>RulesBench [--time DIR] [--runs N] [--list]
 * RulesBench --once DIR      (scan + analyze once, print findings count and in-process ms; for process timing)</pre>
 */
public final class RulesBench {
    private RulesBench() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Path timeDir = null;
        int runs = 10;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--time" -> timeDir = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--list" -> list = true;
                case "--once" -> {
                    once(out, Path.of(args[++i]));
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        EvidenceEngine engine = EvidenceEngine.withDefaultRules();
        CorpusScore score = new CorpusScore();
        int fixtures = 0;
        int findings = 0;
        for (Path dir : FixtureRepos.fixtureDirs()) {
            RepoSnapshot snapshot = FixtureRepos.load(dir);
            List<Finding> found = engine.analyze(snapshot);
            findings += found.size();
            fixtures++;
            score.add(dir.getFileName().toString(), Annotations.of(snapshot), found);
            if (list) {
                found.forEach(f -> out.println("  " + dir.getFileName() + "/" + f.location() + " " + f.severity() + " "
                        + f.category().id() + " " + f.ruleId()));
            }
        }
        out.printf(Locale.ROOT, "corpus: %d fixtures, %d findings%n%n", fixtures, findings);
        out.printf(Locale.ROOT, "%-26s %5s %5s %5s %9s %9s %8s%n", "category", "TP", "FP", "FN", "precision", "recall",
                "unjudged");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<String, CorpusScore.Counts> e : score.byCategory().entrySet()) {
            CorpusScore.Counts c = e.getValue();
            tp += c.truePositives;
            fp += c.falsePositives;
            fn += c.falseNegatives;
            out.printf(Locale.ROOT, "%-26s %5d %5d %5d %9.2f %9.2f %8d%n", e.getKey(), c.truePositives,
                    c.falsePositives, c.falseNegatives, c.precision(), c.recall(), c.unjudged);
        }
        out.printf(Locale.ROOT, "%-26s %5d %5d %5d %9.2f %9.2f%n", "ALL", tp, fp, fn,
                tp + fp == 0 ? 1.0 : tp / (double) (tp + fp), tp + fn == 0 ? 1.0 : tp / (double) (tp + fn));
        score.misses().forEach(m -> out.println("MISS  " + m));
        score.falseAlarms().forEach(m -> out.println("FALSE " + m));
        if (timeDir != null) {
            time(out, engine, timeDir, runs);
        }
    }

    private static void once(PrintStream out, Path dir) {
        // As bin/sre-review runs a review (cli.Main, CliContext): Logback initialises on the second core while the
        // engine is built, then the log file is installed (waiting for that initialisation) before the scan.
        dev.srereview.config.logging.LoggingSetup.initialiseInBackground();
        EvidenceEngine engine = EvidenceEngine.withDefaultRules();
        dev.srereview.config.logging.LoggingSetup.install(Path.of("target", "bench-rules-log"), "INFO", line -> line);
        long t0 = System.nanoTime();
        RepoSnapshot snapshot = FixtureRepos.load(dir);
        long t1 = System.nanoTime();
        List<Finding> found = engine.analyze(snapshot);
        long t2 = System.nanoTime();
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        out.printf(Locale.ROOT, "once: %s, %d files, %d findings; scan %.1f ms, rules %.1f ms; JVM uptime at the end "
                        + "%d ms%n", dir, snapshot.files().size(), found.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                uptime);
    }

    /** Median wall time of the engine over every fixture directory (or one repository) under {@code dir}. */
    private static void time(PrintStream out, EvidenceEngine engine, Path dir, int runs) {
        List<RepoSnapshot> snapshots = new ArrayList<>();
        boolean corpus = dir.toAbsolutePath().normalize().equals(FixtureRepos.corpusRoot().normalize());
        if (corpus) {
            FixtureRepos.fixtureDirs().forEach(d -> snapshots.add(FixtureRepos.load(d)));
        } else {
            snapshots.add(FixtureRepos.load(dir));
        }
        int files = snapshots.stream().mapToInt(s -> s.files().size()).sum();
        long loadStart = System.nanoTime();
        for (RepoSnapshot s : snapshots) {
            engine.analyze(s);
        }
        long first = System.nanoTime() - loadStart;
        long[] times = new long[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            for (RepoSnapshot s : snapshots) {
                engine.analyze(s);
            }
            times[r] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(times);
        out.printf(Locale.ROOT, "%ntiming: %s, %d files; first (cold) run %.1f ms; warm median of %d runs %.1f ms%n",
                dir, files, first / 1e6, runs, times[runs / 2] / 1e6);
        out.print("per family, warm median:");
        for (dev.srereview.evidence.FileRules family : engine.families()) {
            long[] t = new long[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                for (RepoSnapshot s : snapshots) {
                    family.analyze(s);
                }
                t[r] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(t);
            out.printf(Locale.ROOT, " %s %.1f ms;", family.name(), t[runs / 2] / 1e6);
        }
        out.println();
    }
}
