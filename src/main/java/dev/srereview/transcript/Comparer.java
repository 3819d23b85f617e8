package dev.srereview.transcript;

import dev.srereview.evidence.Finding;
import dev.srereview.review.Citation;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.Risk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Matches two reviews' risks and findings by category and location. Findings match on category and path with
 * the nearest line within {@link #LINE_DRIFT} (edits above a finding move it); the same rule id wins ties.
 * LLM risks are worded anew on every run, so they match, best first, on the same normalised title words, then the
 * same severity with at least half the title words in common, then the same severity citing the same place (path,
 * line within the drift) with a title word in common. Locations inside a title ("— `app/serve.py:14`") are ignored.
 */
public final class Comparer {
    /** How far a finding may move between reviews and still be the same one. */
    static final int LINE_DRIFT = 25;
    private static final double TITLE_OVERLAP = 0.5;
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "for", "per", "is", "are",
            "to", "and", "or", "at", "by", "be", "can", "may", "from", "with");

    public Comparison compare(ReviewOutcome before, ReviewOutcome after) {
        List<Risk> oldRisks = before.review().risks();
        List<Risk> newRisks = after.review().risks();
        int[] riskMatch = match(oldRisks.size(), newRisks.size(), (i, j) -> riskRank(oldRisks.get(i), newRisks.get(j)));
        List<Finding> oldF = before.findings();
        List<Finding> newF = after.findings();
        int[] findingMatch = match(oldF.size(), newF.size(), (i, j) -> findingRank(oldF.get(i), newF.get(j)));
        return new Comparison(before.review().score().value(), after.review().score().value(),
                unmatchedOld(oldRisks, riskMatch), unmatchedNew(newRisks, riskMatch), matchedNew(newRisks, riskMatch),
                unmatchedOld(oldF, findingMatch), unmatchedNew(newF, findingMatch), matchedNew(newF, findingMatch));
    }

    /** "P2 Unpinned torch". */
    static String label(Risk r) {
        return r.severity() + " " + r.title();
    }

    /** "P1 missing-timeout app/serve.py:42". */
    static String label(Finding f) {
        return f.severity() + " " + f.category().id() + " " + f.location();
    }

    @FunctionalInterface
    private interface Rank {
        /** Lower is a better match; negative means no match. */
        long rank(int oldIndex, int newIndex);
    }

    /** Greedy best-first matching; returns, per old index, the matched new index or -1. */
    private static int[] match(int oldCount, int newCount, Rank rank) {
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < oldCount; i++) {
            for (int j = 0; j < newCount; j++) {
                long r = rank.rank(i, j);
                if (r >= 0) {
                    pairs.add(new long[] {r, i, j});
                }
            }
        }
        pairs.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]).thenComparingLong(p -> p[2]));
        int[] byOld = new int[oldCount];
        Arrays.fill(byOld, -1);
        boolean[] taken = new boolean[newCount];
        for (long[] p : pairs) {
            int i = (int) p[1];
            int j = (int) p[2];
            if (byOld[i] < 0 && !taken[j]) {
                byOld[i] = j;
                taken[j] = true;
            }
        }
        return byOld;
    }

    private static long findingRank(Finding a, Finding b) {
        if (a.category() != b.category() || !a.path().equals(b.path())) {
            return -1;
        }
        int drift = Math.abs(a.line() - b.line());
        if (drift > LINE_DRIFT) {
            return -1;
        }
        return drift * 2L + (a.ruleId().equals(b.ruleId()) ? 0 : 1);
    }

    private static long riskRank(Risk a, Risk b) {
        Set<String> ta = words(a.title());
        Set<String> tb = words(b.title());
        if (!ta.isEmpty() && ta.equals(tb)) {
            return a.severity() == b.severity() ? 0 : 1;
        }
        if (a.severity() != b.severity()) {
            return -1;
        }
        Set<String> common = intersect(ta, tb);
        Set<String> union = new HashSet<>(ta);
        union.addAll(tb);
        if (!union.isEmpty() && (double) common.size() / union.size() >= TITLE_OVERLAP) {
            return 2;
        }
        // Reworded, but about the same place: a common cited location and at least one common title word.
        return !common.isEmpty() && citeSamePlace(a, b) ? 3 : -1;
    }

    private static boolean citeSamePlace(Risk a, Risk b) {
        for (Citation x : a.evidence()) {
            for (Citation y : b.evidence()) {
                if (x.path().equals(y.path()) && (x.line() == null || y.line() == null
                        || Math.abs(x.line() - y.line()) <= LINE_DRIFT)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A title's meaningful words: lower-case, no stop words, no numbers, no backticked location ("— `a.py:3`"). */
    static Set<String> words(String title) {
        if (title == null) {
            return Set.of();
        }
        String text = title.replaceAll("`[^`]*`", " ");
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty() && !STOP.contains(w) && !w.chars().allMatch(Character::isDigit))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static <T> Set<T> intersect(Set<T> a, Set<T> b) {
        Set<T> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }

    private static <T> List<T> unmatchedOld(List<T> old, int[] byOld) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (byOld[i] < 0) {
                out.add(old.get(i));
            }
        }
        return out;
    }

    private static <T> List<T> unmatchedNew(List<T> neu, int[] byOld) {
        Set<Integer> taken = Arrays.stream(byOld).boxed().collect(Collectors.toSet());
        List<T> out = new ArrayList<>();
        for (int j = 0; j < neu.size(); j++) {
            if (!taken.contains(j)) {
                out.add(neu.get(j));
            }
        }
        return out;
    }

    private static <T> List<T> matchedNew(List<T> neu, int[] byOld) {
        List<T> out = new ArrayList<>();
        for (int j : byOld) {
            if (j >= 0) {
                out.add(neu.get(j));
            }
        }
        return out;
    }
}
