package dev.srereview.evidence.score;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.AnchoredPattern;
import dev.srereview.review.Score;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The deterministic 0-10 Operational Readiness Score (rubric in docs/evidence.md).
 *
 * <p>Five axes, 0-2 each. An axis scores 0 with any P0, with P1s of two different causes, or with five P1s;
 * 1 with any P1, with P2s of two different causes, or with four P2s; 2 otherwise (P3s never cost a point).
 * Observability is at most 1 when service code exports no metrics. Caps: any P0 → at most 3; any P1 → at most 7;
 * any P2 → at most 9 (10 means static analysis found nothing above P3).
 */
public final class ReadinessScorer {
    static final AnchoredPattern METRICS = AnchoredPattern.of(
            "\\b(prometheus[-_]client|prometheus[-_]fastapi[-_]instrumentator|starlette[-_]exporter|opentelemetry"
                    + "|statsd|datadog|ddtrace|aioprometheus|prometheus[-_]flask[-_]exporter|bentoml\\.metrics)\\b",
            "prometheus", "starlette", "opentelemetry", "statsd", "datadog", "ddtrace", "bentoml");

    public Score score(RepoSnapshot snapshot, List<Finding> findings) {
        Map<Axis, Integer> points = new EnumMap<>(Axis.class);
        Map<Axis, String> why = new EnumMap<>(Axis.class);
        for (Axis axis : Axis.values()) {
            List<Finding> mine = findings.stream().filter(f -> Axis.of(f.category()) == axis).toList();
            int p = axisPoints(mine);
            why.put(axis, reason(mine));
            if (axis == Axis.OBSERVABILITY && p == 2 && servesWithoutMetrics(snapshot)) {
                p = 1;
                why.put(axis, "no metrics exported");
            }
            points.put(axis, p);
        }
        int total = points.values().stream().mapToInt(Integer::intValue).sum();
        boolean p0 = findings.stream().anyMatch(f -> f.severity() == Severity.P0);
        boolean p1 = findings.stream().anyMatch(f -> f.severity() == Severity.P1);
        int value = total;
        String cap = "";
        if (p0 && value > 3) {
            value = 3;
            cap = " Capped at 3 by P0 risks.";
        } else if (p1 && value > 7) {
            value = 7;
            cap = " Capped at 7 by P1 risks.";
        }
        List<String> minor = findings.stream().filter(f -> f.severity() == Severity.P2).map(f -> f.category().id())
                .distinct().sorted().toList();
        if (value == 10 && !minor.isEmpty()) {
            // A single P2 costs no axis a point, but "nothing found" above listed risks would be untrue
            return new Score(9, "No axis loses a point, but P2 risks remain (" + String.join(", ", minor)
                    + "): 9, not 10. Verify the runtime behaviour (load, failover) by hand.");
        }
        return new Score(value, justification(points, why) + cap);
    }

    static int axisPoints(List<Finding> mine) {
        long p0 = count(mine, Severity.P0);
        long p1 = count(mine, Severity.P1);
        long p2 = count(mine, Severity.P2);
        long p1Causes = causes(mine, Severity.P1);
        long p2Causes = causes(mine, Severity.P2);
        if (p0 > 0 || p1Causes >= 2 || p1 >= 5) {
            return 0;
        }
        if (p1 > 0 || p2Causes >= 2 || p2 >= 4) {
            return 1;
        }
        return 2;
    }

    private static long count(List<Finding> fs, Severity s) {
        return fs.stream().filter(f -> f.severity() == s).count();
    }

    private static long causes(List<Finding> fs, Severity s) {
        return fs.stream().filter(f -> f.severity() == s).map(Finding::category).distinct().count();
    }

    /** The worst categories of an axis, e.g. "P0 resource-overcommit; P1 k8s-no-probes". */
    private static String reason(List<Finding> mine) {
        Map<Category, Severity> worst = new EnumMap<>(Category.class);
        for (Finding f : mine) {
            worst.merge(f.category(), f.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        return worst.entrySet().stream().filter(e -> e.getValue() != Severity.P3)
                .sorted(Map.Entry.comparingByValue())
                .limit(3).map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining("; "));
    }

    static boolean servesWithoutMetrics(RepoSnapshot snapshot) {
        List<SourceFile> serving = snapshot.ofKind(FileKind.SERVING_CODE);
        if (serving.isEmpty()) {
            return false;
        }
        boolean inCode = snapshot.files().stream().filter(f -> f.path().endsWith(".py") || f.kind() == FileKind.DEPENDENCY_FILE)
                .anyMatch(f -> METRICS.find(f.content()));
        return !inCode;
    }

    private static String justification(Map<Axis, Integer> points, Map<Axis, String> why) {
        List<String> weak = new ArrayList<>();
        List<String> solid = new ArrayList<>();
        for (Axis a : Axis.values()) {
            int p = points.get(a);
            if (p < 2) {
                String r = why.get(a);
                weak.add(a.label() + " " + p + "/2" + (r.isBlank() ? "" : " (" + r + ")"));
            } else {
                solid.add(a.label());
            }
        }
        if (weak.isEmpty()) {
            return "No weak axis found by static analysis: " + String.join(", ", solid)
                    + " all hold up. Verify the runtime behaviour (load, failover) by hand.";
        }
        return "Weak: " + String.join("; ", weak) + "."
                + (solid.isEmpty() ? "" : " Solid: " + String.join(", ", solid) + ".");
    }
}
