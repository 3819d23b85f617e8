package dev.srereview.chat;

import dev.srereview.evidence.Finding;
import dev.srereview.review.ReviewRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The honest answer to a follow-up when there is no LLM: say so, and point at the tool's own evidence
 * whose message, category, rule, severity or path matches words of the question. No invented prose.
 */
final class OfflineAnswers {
    static final String PREFIX = "offline: follow-up questions need an LLM (set OPENAI_API_KEY)";
    private static final int MAX_LISTED = 8;
    private static final Set<String> STOP = Set.of("the", "and", "for", "why", "what", "how", "this", "that", "is",
            "are", "was", "with", "does", "should", "could", "would", "can", "about", "from", "into", "there", "which",
            "when", "where", "who", "you", "your", "its", "it's", "not", "but", "have", "has", "one", "fix");

    private OfflineAnswers() {
    }

    static String answer(String question, ReviewRun run) {
        if (run == null) {
            return PREFIX + "; run /review-deployment [PATH] first: the offline reviewer still reviews.";
        }
        List<Finding> findings = run.outcome().findings();
        List<String> words = words(question);
        List<Finding> matching = new ArrayList<>();
        for (Finding f : findings) {
            if (matches(f, words)) {
                matching.add(f);
            }
        }
        if (matching.isEmpty()) {
            return PREFIX + ". No finding of the last review matches \"" + String.join(" ", words)
                    + "\"; it has " + findings.size() + " finding(s) in all (shown with the review above).";
        }
        StringBuilder sb = new StringBuilder(PREFIX).append(". The evidence for \"")
                .append(String.join(" ", words)).append("\" is:");
        matching.stream().limit(MAX_LISTED).forEach(f -> sb.append(System.lineSeparator()).append("  ")
                .append(f.severity()).append(' ').append(f.category().id()).append(" at ").append(f.location())
                .append(": ").append(f.message()));
        if (matching.size() > MAX_LISTED) {
            sb.append(System.lineSeparator()).append("  … and ").append(matching.size() - MAX_LISTED).append(" more");
        }
        return sb.toString();
    }

    static List<String> words(String question) {
        List<String> out = new ArrayList<>();
        for (String w : question.toLowerCase(Locale.ROOT).split("[^a-z0-9_./-]+")) {
            String t = w.replaceAll("^[./-]+|[./-]+$", "");
            boolean severity = t.matches("p[0-3]");
            if ((t.length() >= 3 || severity) && !STOP.contains(t) && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean matches(Finding f, List<String> words) {
        String hay = (f.message() + " " + f.category().id() + " " + f.ruleId() + " " + f.path()).toLowerCase(Locale.ROOT);
        String severity = f.severity().name().toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (w.equals(severity) || hay.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
