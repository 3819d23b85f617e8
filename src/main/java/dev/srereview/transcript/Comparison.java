package dev.srereview.transcript;

import dev.srereview.evidence.Finding;
import dev.srereview.review.Risk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * How a deployment changed between two reviews: the score, and the risks and findings fixed (only in the old
 * review), new (only in the new one) and unchanged (matched; the new review's version is kept).
 */
public record Comparison(int scoreBefore, int scoreAfter, List<Risk> risksFixed, List<Risk> risksNew,
                         List<Risk> risksUnchanged, List<Finding> findingsFixed, List<Finding> findingsNew,
                         List<Finding> findingsUnchanged) {
    private static final int NAMED_NEW = 3;

    public Comparison {
        risksFixed = List.copyOf(risksFixed);
        risksNew = List.copyOf(risksNew);
        risksUnchanged = List.copyOf(risksUnchanged);
        findingsFixed = List.copyOf(findingsFixed);
        findingsNew = List.copyOf(findingsNew);
        findingsUnchanged = List.copyOf(findingsUnchanged);
    }

    /** One line: "3/10 → 7/10: 4 risks fixed, 1 new (P2 Unpinned torch), 2 unchanged; findings: 9 fixed, 0 new, 5 unchanged". */
    public String describe() {
        StringBuilder sb = new StringBuilder(scoreBefore + "/10 → " + scoreAfter + "/10: ");
        boolean anyRisks = !(risksFixed.isEmpty() && risksNew.isEmpty() && risksUnchanged.isEmpty());
        if (anyRisks) {
            sb.append(risksFixed.size()).append(risksFixed.size() == 1 ? " risk" : " risks").append(" fixed, ")
                    .append(risksNew.size()).append(" new").append(named(risksNew, Comparer::label))
                    .append(", ").append(risksUnchanged.size()).append(" unchanged; ");
        }
        sb.append("findings: ").append(findingsFixed.size()).append(" fixed, ").append(findingsNew.size()).append(" new")
                .append(named(findingsNew, Comparer::label)).append(", ").append(findingsUnchanged.size()).append(" unchanged");
        return sb.toString();
    }

    /** The details, a section per list, for the terminal or a file. Ends with a newline. */
    public String report() {
        int delta = scoreAfter - scoreBefore;
        StringBuilder sb = new StringBuilder();
        sb.append(describe()).append("\n\nScore: ").append(scoreBefore).append("/10 → ").append(scoreAfter).append("/10 (")
                .append(delta > 0 ? "+" : "").append(delta).append(")\n");
        section(sb, "Risks fixed", risksFixed, Comparer::label);
        section(sb, "New risks", risksNew, Comparer::label);
        section(sb, "Risks unchanged", risksUnchanged, Comparer::label);
        section(sb, "Findings fixed", findingsFixed, Comparer::label);
        section(sb, "New findings", findingsNew, Comparer::label);
        section(sb, "Findings unchanged", findingsUnchanged, Comparer::label);
        return sb.toString();
    }

    private static <T> String named(List<T> items, Function<T, String> label) {
        if (items.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        items.stream().map(label).sorted(Comparator.naturalOrder()).limit(NAMED_NEW).forEach(names::add);
        return " (" + String.join(", ", names) + (items.size() > NAMED_NEW ? ", …" : "") + ")";
    }

    private static <T> void section(StringBuilder sb, String title, List<T> items, Function<T, String> label) {
        if (items.isEmpty()) {
            return;
        }
        sb.append("\n").append(title).append(" (").append(items.size()).append("):\n");
        items.stream().map(label).sorted().forEach(l -> sb.append("  - ").append(l).append("\n"));
    }
}
