package dev.srereview.context;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials recognisable by their own shape (a vendor prefix, a fixed length). Each detector has literal
 * triggers found with {@link String#indexOf}; its regex only runs where a trigger occurs, so clean text
 * costs a few vectorised scans and no regex work.
 */
final class TokenDetectors {
    /** One row of the table: the redaction label, the literals that must occur, the shape, and a sanity check. */
    record Detector(String id, List<String> triggers, Pattern pattern, int valueGroup, Predicate<String> real) {
    }

    static final List<Detector> ALL = List.of(
            new Detector("anthropic-key", List.of("sk-ant-"),
                    Pattern.compile("(?<![A-Za-z0-9_-])sk-ant-(?:[a-z]+[0-9]{2}-)?([A-Za-z0-9_-]{20,})"), 0,
                    v -> SecretHeuristics.looksRandom(v.substring(7), 3.0)),
            new Detector("openai-key", List.of("sk-"),
                    Pattern.compile("(?<![A-Za-z0-9_-])sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}"), 0,
                    v -> SecretHeuristics.looksRandom(v.replaceFirst("^sk-(?:proj-|svcacct-|admin-|None-)?", ""), 3.0)),
            new Detector("aws-access-key", List.of("AKIA", "ASIA", "ABIA", "ACCA", "A3T"),
                    Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])"), 0,
                    v -> !v.contains("EXAMPLE") && SecretHeuristics.entropy(v) >= 2.5),
            new Detector("aws-secret-key",
                    List.of("ecret_access_key", "ECRET_ACCESS_KEY", "ecretAccessKey", "ecret_key", "ECRET_KEY",
                            "ecretKey"),
                    Pattern.compile("(?i)(?:aws_?)?secret_?(?:access_?)?key[\"']?\\s*(?:[:=]|=>)\\s*[\"']?"
                            + "([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"), 1,
                    v -> !v.contains("EXAMPLE") && SecretHeuristics.entropy(v) >= 3.5),
            new Detector("huggingface-token", List.of("hf_"),
                    Pattern.compile("(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{30,}"), 0,
                    v -> SecretHeuristics.looksRandom(v.substring(3), 3.0)),
            new Detector("github-token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                    Pattern.compile("(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})"), 0,
                    v -> SecretHeuristics.looksRandom(v.replaceFirst("^(?:github_pat_|gh[pousr]_)", ""), 3.0)),
            new Detector("slack-token", List.of("xox"),
                    Pattern.compile("(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,}"), 0,
                    v -> SecretHeuristics.looksRandom(v.substring(5), 2.5)),
            new Detector("slack-webhook", List.of("hooks.slack.com/services/"),
                    Pattern.compile("hooks\\.slack\\.com/services/(T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]{8,})"), 1,
                    v -> SecretHeuristics.looksRandom(v, 3.0)),
            new Detector("stripe-key", List.of("sk_live_", "rk_live_"),
                    Pattern.compile("(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{20,}"), 0,
                    v -> SecretHeuristics.looksRandom(v.substring(8), 3.0)),
            new Detector("google-api-key", List.of("AIza"),
                    Pattern.compile("(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"), 0,
                    v -> SecretHeuristics.looksRandom(v.substring(4), 3.0)),
            new Detector("jwt", List.of("eyJ"),
                    Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}"),
                    0, v -> !SecretHeuristics.isPlaceholder(v)),
            new Detector("url-password", List.of("://"),
                    Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\\s:/?#@\"'<>\\[\\]{}]+:([^\\s@/?#\"'<>]+)@"), 1,
                    v -> !SecretHeuristics.isPlaceholder(v)));

    private TokenDetectors() {
    }

    /** Adds every real match of every detector to {@code hits}. */
    static void find(String text, List<Redactor.Hit> hits) {
        for (Detector d : ALL) {
            int from = firstTrigger(text, d.triggers(), 0);
            if (from < 0) {
                continue;
            }
            // url-password's match starts at the scheme, before its trigger.
            int back = d.id().equals("url-password") ? 24 : d.valueGroup() > 0 ? 40 : 0;
            Matcher m = d.pattern().matcher(text);
            int pos = Math.max(0, from - back);
            while (pos < text.length() && m.find(pos)) {
                int s = m.start(d.valueGroup());
                int e = m.end(d.valueGroup());
                if (d.real().test(text.substring(s, e))) {
                    // A detector whose match includes the name (aws-secret-key) reads it from the match.
                    String name = d.valueGroup() > 0 && d.id().startsWith("aws")
                            ? Redactor.identifierAt(text, m.start()) : Redactor.nameBefore(text, m.start());
                    hits.add(new Redactor.Hit(s, e, d.id(), name, 0));
                }
                int next = firstTrigger(text, d.triggers(), m.end());
                if (next < 0) {
                    break;
                }
                pos = Math.max(m.end(), next - back);
            }
        }
    }

    private static int firstTrigger(String text, List<String> triggers, int from) {
        int best = -1;
        for (String t : triggers) {
            int i = text.indexOf(t, from);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
