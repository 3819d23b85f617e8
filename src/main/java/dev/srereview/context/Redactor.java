package dev.srereview.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces secrets with {@code [REDACTED:detector]}, keeping the name they were assigned to
 * ({@code OPENAI_API_KEY=[REDACTED:openai-key]}), so a reviewer still sees that a secret sat there.
 * Runs before any byte reaches a prompt, a transcript, a log or an output. Line breaks are preserved,
 * so line numbers stay valid for citations. Thread-safe; redacting twice changes nothing.
 *
 * <p>Detectors, most specific first (an overlap keeps the more specific): vendor-shaped tokens and URL
 * passwords, then credentials known by where they stand (Authorization headers, URL queries, flags, DSNs)
 * ({@link TokenDetectors}), private key blocks ({@link PrivateKeyDetector}), every value of a Kubernetes Secret
 * ({@link KubernetesSecretDetector}), assignments to secret-sounding names judged by entropy, AWS secret keys
 * among them ({@link AssignmentDetector}), and values in .env-style files ({@link EnvFileDetector}). All start
 * from one pass of {@link Needles}. Free text ({@link #redactText}) also loses any value this redactor replaced
 * before ({@link KnownSecrets}): the only state it keeps, as salted hashes.
 */
public final class Redactor {
    private static final Set<String> CODE_EXTENSIONS = Set.of(
            "py", "pyi", "js", "mjs", "cjs", "ts", "tsx", "jsx", "go", "java", "kt", "scala", "rs", "rb", "php", "cs",
            "cpp", "cc", "c", "h", "hpp", "swift", "r", "jl", "lua", "dart", "ipynb", "groovy");

    /**
     * A span to replace.
     *
     * @param priority lower wins when spans overlap (0 vendor tokens, 1 credentials known by position and
     *                 Kubernetes Secret values, 2 assignments, 3 .env values and prose)
     */
    record Hit(int start, int end, String detector, String name, int priority) {
    }

    /** What this redactor has replaced so far, as salted hashes: the one piece of state it keeps (thread-safe). */
    private final KnownSecrets known = new KnownSecrets();

    /** @param path used to recognise .env-style files and code; may be null for free text */
    public RedactionResult redact(String path, String text) {
        if (text == null || text.isEmpty()) {
            return new RedactionResult(text == null ? "" : text, List.of());
        }
        return redact(path, text, Needles.scan(text));
    }

    /** As {@link #redact(String, String)}, with the needle hits the scanner already has for this text. */
    RedactionResult redact(String path, String text, Needles.Hits needles) {
        if (text == null || text.isEmpty()) {
            return new RedactionResult(text == null ? "" : text, List.of());
        }
        List<Hit> hits = new ArrayList<>();
        TokenDetectors.find(text, needles, hits);
        PrivateKeyDetector.find(text, needles, hits);
        AssignmentDetector.find(text, needles, modeFor(path), hits);
        if (EnvFileDetector.isEnvFile(path)) {
            EnvFileDetector.find(text, hits);
        }
        if (KubernetesSecretDetector.applies(path, text)) {
            KubernetesSecretDetector.find(text, hits);
        }
        if (hits.isEmpty()) {
            return new RedactionResult(text, List.of());
        }
        List<Hit> kept = keepNonOverlapping(hits);
        for (Hit h : kept) {
            known.remember(text.substring(h.start(), h.end()));
        }
        return apply(text, kept);
    }

    /**
     * Redacts free text (LLM replies, log messages, user input): the detectors, then any value this redactor has
     * redacted before (a repository's password typed into the chat).
     */
    public String redactText(String text) {
        return known.scrub(redact(null, text).text());
    }

    private static AssignmentDetector.Mode modeFor(String path) {
        if (path == null) {
            return AssignmentDetector.Mode.FREE;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return CODE_EXTENSIONS.contains(PathRules.extension(name)) ? AssignmentDetector.Mode.CODE
                : AssignmentDetector.Mode.CONFIG;
    }

    private static List<Hit> keepNonOverlapping(List<Hit> hits) {
        hits.sort(Comparator.comparingInt(Hit::priority).thenComparingInt(Hit::start)
                .thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        // The kept spans never overlap, so only the one starting last before h ends can overlap h: a sorted map
        // answers that in log time (a minified file can hold thousands of hits; a list scan was quadratic)
        java.util.TreeMap<Integer, Hit> kept = new java.util.TreeMap<>();
        for (Hit h : hits) {
            var before = kept.lowerEntry(h.end());
            if (before == null || before.getValue().end() <= h.start()) {
                kept.put(h.start(), h);
            }
        }
        return new ArrayList<>(kept.values());
    }

    private static RedactionResult apply(String text, List<Hit> hits) {
        StringBuilder out = new StringBuilder(text.length());
        List<Redaction> redactions = new ArrayList<>(hits.size());
        int pos = 0;
        int line = 1;
        for (Hit h : hits) {
            line += countNewlines(text, pos, h.start());
            out.append(text, pos, h.start());
            int breaks = countNewlines(text, h.start(), h.end());
            boolean leadingBreak = breaks > 0 && text.charAt(h.start()) == '\n';
            if (leadingBreak) {
                out.append('\n');
                breaks--;
            }
            out.append("[REDACTED:").append(h.detector()).append(']');
            out.append("\n".repeat(breaks));
            redactions.add(new Redaction(h.detector(), line + (leadingBreak ? 1 : 0), h.name()));
            line += countNewlines(text, h.start(), h.end());
            pos = h.end();
        }
        out.append(text, pos, text.length());
        return new RedactionResult(out.toString(), redactions);
    }

    /**
     * Newlines in [from, to): looks at those characters only (indexOf would run on to the next newline, which on a
     * long minified line is the end of the file, for every hit).
     */
    private static int countNewlines(String s, int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                c++;
            }
        }
        return c;
    }

    /**
     * The name a value at {@code start} is assigned to on its line: {@code NAME=}, {@code "name": "},
     * {@code name = '}, skipping an auth scheme ({@code Bearer }). Null when there is none.
     */
    static String nameBefore(String text, int start) {
        int i = start;
        i = skipBack(text, i, " \t\"'`");
        for (String scheme : new String[] {"Bearer", "bearer", "Token", "token", "Basic"}) {
            if (i >= scheme.length() && text.startsWith(scheme, i - scheme.length())) {
                i = skipBack(text, i - scheme.length(), " \t\"'`");
                break;
            }
        }
        if (i == 0) {
            return null;
        }
        char sep = text.charAt(i - 1);
        if (sep == '>' && i >= 2 && text.charAt(i - 2) == '=') {
            i--;
        }
        sep = text.charAt(i - 1);
        if (sep != '=' && sep != ':') {
            return null;
        }
        i = skipBack(text, i - 1, " \t:");
        i = skipBack(text, i, "\"']");
        int end = i;
        while (i > 0 && isNameChar(text.charAt(i - 1))) {
            i--;
        }
        return i == end ? null : text.substring(i, end);
    }

    private static int skipBack(String text, int i, String chars) {
        while (i > 0 && chars.indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        return i;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    @Override
    public String toString() {
        return "Redactor[" + String.join(",", detectorIds()) + "]";
    }

    /** Every label a redaction can carry, for documentation and tests. */
    public static List<String> detectorIds() {
        List<String> ids = new ArrayList<>();
        TokenDetectors.ALL.forEach(d -> ids.add(d.id()));
        ids.addAll(List.of("aws-secret-key", "private-key", "password", "generic-secret", "env-value",
                "kubernetes-secret", "repository-secret"));
        return ids.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
