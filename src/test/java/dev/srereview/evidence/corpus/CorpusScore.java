package dev.srereview.evidence.corpus;

import dev.srereview.evidence.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scores the findings of one or more fixtures against their annotations, per category. */
public final class CorpusScore {
    /** Per-category counts. {@code unjudged}: findings in files that do not annotate the category. */
    public static final class Counts {
        public int truePositives;
        public int falsePositives;
        public int falseNegatives;
        public int unjudged;

        public double precision() {
            int d = truePositives + falsePositives;
            return d == 0 ? 1.0 : truePositives / (double) d;
        }

        public double recall() {
            int d = truePositives + falseNegatives;
            return d == 0 ? 1.0 : truePositives / (double) d;
        }
    }

    private final Map<String, Counts> byCategory = new TreeMap<>();
    private final List<String> misses = new ArrayList<>();
    private final List<String> falseAlarms = new ArrayList<>();

    public void add(String fixture, Annotations annotations, List<Finding> findings) {
        for (Annotations.Expectation e : annotations.expectations()) {
            boolean found = findings.stream().anyMatch(f -> f.path().equals(e.path()) && f.line() == e.line()
                    && f.category().id().equals(e.category()));
            Counts c = counts(e.category());
            if (e.kind() == Annotations.Kind.RULEID) {
                if (found) {
                    c.truePositives++;
                } else {
                    c.falseNegatives++;
                    misses.add(fixture + "/" + e.path() + ":" + e.line() + " expected " + e.category());
                }
            }
        }
        for (Finding f : findings) {
            String cat = f.category().id();
            if (annotations.expected(f.path(), f.line(), cat)) {
                continue;
            }
            if (annotations.judged(f.path(), cat)) {
                counts(cat).falsePositives++;
                falseAlarms.add(fixture + "/" + f.path() + ":" + f.line() + " unexpected " + cat + " (" + f.ruleId()
                        + ": " + f.message() + ")");
            } else {
                counts(cat).unjudged++;
            }
        }
    }

    private Counts counts(String category) {
        return byCategory.computeIfAbsent(category, k -> new Counts());
    }

    public Map<String, Counts> byCategory() {
        return byCategory;
    }

    public List<String> misses() {
        return List.copyOf(misses);
    }

    public List<String> falseAlarms() {
        return List.copyOf(falseAlarms);
    }
}
