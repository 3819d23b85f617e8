package dev.srereview.context;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials recognisable by their own shape (a vendor prefix, a fixed length). Each detector has literal
 * triggers, found for all detectors at once by {@link Needles}; its regex only runs anchored at a trigger,
 * so clean text costs no regex work at all.
 */
final class TokenDetectors {
    /** One row of the table: the redaction label, the literals that must occur, the shape, and a sanity check. */
    record Detector(String id, List<String> triggers, Pattern pattern, int valueGroup, Predicate<String> real) {
    }

    static final List<Detector> ALL = List.of(
            new Detector("anthropic-key", List.of("sk-"),
                    Pattern.compile("(?<![A-Za-z0-9_-])sk-ant-(?:[a-z]+[0-9]{2}-)?([A-Za-z0-9_-]{20,})"), 0,
                    v -> SecretHeuristics.looksRandom(v.substring(7), 3.0)),
            new Detector("openai-key", List.of("sk-"),
                    Pattern.compile("(?<![A-Za-z0-9_-])sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}"), 0,
                    v -> SecretHeuristics.looksRandom(v.replaceFirst("^sk-(?:proj-|svcacct-|admin-|None-)?", ""), 3.0)),
            new Detector("aws-access-key", List.of("akia", "asia", "abia", "acca", "a3t"),
                    Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])"), 0,
                    v -> !v.contains("EXAMPLE") && SecretHeuristics.entropy(v) >= 2.5),
            new Detector("huggingface-token", List.of("hf_"),
                    Pattern.compile("(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{30,}"), 0,
                    v -> SecretHeuristics.looksRandomLetters(v.substring(3), 3.5)),
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
            new Detector("google-api-key", List.of("aiza"),
                    Pattern.compile("(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"), 0,
                    v -> SecretHeuristics.looksRandom(v.substring(4), 3.0)),
            new Detector("jwt", List.of("eyj"),
                    Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}"),
                    0, v -> !SecretHeuristics.isPlaceholder(v)),
            // the user may be empty: redis://:password@host is how Redis URLs carry a password
            new Detector("url-password", List.of("://"),
                    Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\\s:/?#@\"'<>\\[\\]{}]*:([^\\s@/?#\"'<>]+)@"), 1,
                    v -> !SecretHeuristics.isPlaceholder(v)));

    private TokenDetectors() {
    }

    /** Adds every real match at the needle hits of {@code text} to {@code out}. */
    static void find(String text, Needles.Hits hits, List<Redactor.Hit> out) {
        int[] lastEnd = new int[ALL.size()];
        for (int h = 0; h < hits.size(); h++) {
            Needles.Needle needle = hits.needle(h);
            if (needle.use() != Needles.Use.TOKEN && needle.use() != Needles.Use.URL) {
                continue;
            }
            for (int d = 0; d < ALL.size(); d++) {
                Detector det = ALL.get(d);
                if (!det.triggers().contains(needle.text()) || hits.start(h) < lastEnd[d]) {
                    continue;
                }
                int from = needle.use() == Needles.Use.URL ? schemeStart(text, hits.start(h)) : hits.start(h);
                Matcher m = det.pattern().matcher(text).region(from, text.length())
                        .useTransparentBounds(true).useAnchoringBounds(false);
                if (!m.lookingAt()) {
                    continue;
                }
                lastEnd[d] = m.end();
                int s = m.start(det.valueGroup());
                int e = m.end(det.valueGroup());
                if (det.real().test(text.substring(s, e))) {
                    out.add(new Redactor.Hit(s, e, det.id(), Redactor.nameBefore(text, m.start()), 0));
                }
            }
        }
    }

    /** Start of the URL scheme that ends at {@code colon} ("postgresql" in "postgresql://"). */
    private static int schemeStart(String text, int colon) {
        int i = colon;
        while (i > 0 && colon - i < 21) {
            char c = text.charAt(i - 1);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
                break;
            }
            i--;
        }
        return i;
    }
}
