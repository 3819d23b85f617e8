package dev.srereview.context;

import java.util.List;
import java.util.Locale;

/**
 * Secrets recognisable by the name they are assigned to: {@code password = "…"}, {@code "api_key": "…"},
 * {@code client_secret: …}, {@code DB_PASSWORD=…} in .env files. The value is judged (placeholder? random
 * enough?) so {@code changeme}, {@code ${VAR}} and {@code <your-key>} pass through. Hand-written rather
 * than a regex: it starts from the secret-sounding
 * name endings found in one pass by {@link Needles}, so most files cost nothing here.
 */
final class AssignmentDetector {
    /** How values may be written in this text. */
    enum Mode {
        /** Source code: only string literals are values; {@code password = get_password()} is code. */
        CODE,
        /** YAML, INI, Dockerfiles, properties: unquoted values too. */
        CONFIG,
        /** Free text (LLM replies, logs): unquoted values too, but judged strictly. */
        FREE
    }

    /** No credential is longer; a longer "value" on a minified line is not one, and looking further costs. */
    private static final int MAX_VALUE = 4096;

    private AssignmentDetector() {
    }

    /**
     * Looks at each secret-sounding name ending found by {@link Needles}: is it the end of a name, followed by
     * a separator and a value that is judged a secret?
     */
    static void find(String text, Needles.Hits needles, Mode mode, List<Redactor.Hit> hits) {
        int n = text.length();
        int lastEnd = -1;
        for (int h = 0; h < needles.size(); h++) {
            Needles.Needle needle = needles.needle(h);
            if (needle.use() != Needles.Use.NAME_END) {
                continue;
            }
            int nameEnd = needles.start(h) + needle.text().length();
            if (nameEnd == lastEnd || nameEnd < n && isNameChar(text.charAt(nameEnd))) {
                continue; // not the end of the name: "password_hash", "path"
            }
            lastEnd = nameEnd;
            int nameStart = needles.start(h);
            while (nameStart > 0 && isNameChar(text.charAt(nameStart - 1))) {
                nameStart--;
            }
            int i = nameEnd;
            if (i < n && nameStart > 0 && isQuote(text.charAt(i)) && text.charAt(nameStart - 1) == text.charAt(i)) {
                i++; // "api_key": ...
            }
            if (i < n && text.charAt(i) == ']') {
                i++; // config["password"] = ...
            }
            int afterName = i;
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (mode == Mode.CODE && i < n && text.charAt(i) == ':') {
                int annotated = annotatedValue(text, i);
                if (annotated >= 0) {
                    // client_secret: str = "…" (a dataclass or pydantic field's default)
                    SecretHeuristics.NameKind kind = SecretHeuristics.nameKind(text.substring(nameStart, nameEnd));
                    if (kind != SecretHeuristics.NameKind.NONE) {
                        judge(text, mode, annotated, text.substring(nameStart, nameEnd), kind, hits);
                    }
                    continue;
                }
            }
            if (mode != Mode.CODE && i > afterName && i < n && text.charAt(i) != '=' && text.charAt(i) != ':'
                    && dockerEnvName(text, nameStart)) {
                // Dockerfile's legacy form: ENV DB_PASSWORD s3cret (no '=')
                SecretHeuristics.NameKind kind = SecretHeuristics.nameKind(text.substring(nameStart, nameEnd));
                if (kind != SecretHeuristics.NameKind.NONE) {
                    judge(text, mode, i, text.substring(nameStart, nameEnd), kind, hits);
                }
                continue;
            }
            if (i < n && text.charAt(i) == ',' && envLookupDefault(text, nameStart)) {
                // os.environ.get("MODERATION_API_KEY", "mk_prod_9b1f…"): the fallback is committed like any literal,
                // also when the call is spread over lines (Django's SECRET_KEY = os.environ.get(\n "…",\n "…"))
                SecretHeuristics.NameKind kind = SecretHeuristics.nameKind(text.substring(nameStart, nameEnd));
                int v = i + 1;
                while (v < n && (Character.isWhitespace(text.charAt(v)) || text.charAt(v) == '#')) {
                    if (text.charAt(v) == '#') {
                        while (v < n && text.charAt(v) != '\n') {
                            v++; // a comment between the arguments
                        }
                    } else {
                        v++;
                    }
                }
                if (kind != SecretHeuristics.NameKind.NONE) {
                    judge(text, Mode.CODE, v, text.substring(nameStart, nameEnd), kind, hits);
                }
                continue;
            }
            if (i >= n || (text.charAt(i) != '=' && text.charAt(i) != ':')) {
                int envValue = mode == Mode.CODE ? -1 : kubernetesEnvValue(text, nameStart, i);
                SecretHeuristics.NameKind kind = SecretHeuristics.nameKind(text.substring(nameStart, nameEnd));
                if (envValue >= 0 && kind != SecretHeuristics.NameKind.NONE) {
                    judge(text, mode, envValue, text.substring(nameStart, nameEnd), kind, hits);
                }
                continue;
            }
            int valueFrom = separatorEnd(text, i);
            if (valueFrom < 0) {
                continue;
            }
            String name = text.substring(nameStart, nameEnd);
            SecretHeuristics.NameKind kind = SecretHeuristics.nameKind(name);
            if (kind != SecretHeuristics.NameKind.NONE) {
                judge(text, mode, valueFrom, name, kind, hits);
            } else if (name.length() > 1 && (name.endsWith("s") || name.endsWith("S"))) {
                SecretHeuristics.NameKind one = SecretHeuristics.nameKind(name.substring(0, name.length() - 1));
                if (one != SecretHeuristics.NameKind.NONE) {
                    collection(text, mode, valueFrom, name, one, hits);
                }
            }
        }
    }

    /** How far a dict or list of credentials is read: past this it is data, not a handful of keys. */
    private static final int MAX_COLLECTION = 16_384;

    /**
     * {@code API_KEYS = {"nlp-lab": "gw_live_4f9c…", "vision": "…"}} or {@code TOKENS = ["…", "…"]}: a plural
     * secret name holding a literal collection; each value (a dict's, after its colon; a list's elements) is judged
     * as if assigned to the name alone. Keys of a dict are names, not secrets.
     */
    private static void collection(String text, Mode mode, int from, String name, SecretHeuristics.NameKind kind,
                                   List<Redactor.Hit> hits) {
        int n = text.length();
        int i = from;
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= n || text.charAt(i) != '{' && text.charAt(i) != '[') {
            return;
        }
        boolean dict = text.charAt(i) == '{';
        int depth = 0;
        char previous = 0;
        for (int end = Math.min(n, i + MAX_COLLECTION); i < end; i++) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                if (depth == 1 && (dict ? previous == ':' : previous == '[' || previous == ',')) {
                    judge(text, mode, i, name, kind, hits);
                }
                int close = i + 1;
                while (close < end && text.charAt(close) != c && text.charAt(close) != '\n') {
                    close += text.charAt(close) == '\\' ? 2 : 1;
                }
                i = close;
                previous = c;
                continue;
            }
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                if (--depth == 0) {
                    return;
                }
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
    }

    private static void judge(String text, Mode mode, int from, String name, SecretHeuristics.NameKind kind,
                              List<Redactor.Hit> hits) {
        int n = text.length();
        int v = from;
        while (v < n && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
            v++;
        }
        if (v >= n) {
            return;
        }
        if (v + 1 < n && "fbruFBRU".indexOf(text.charAt(v)) >= 0 && isQuote(text.charAt(v + 1))) {
            v++; // f"...", b'...'
        }
        int start;
        int end;
        char q = text.charAt(v);
        if (isQuote(q)) {
            start = v + 1;
            end = start;
            while (end < n && end - start < MAX_VALUE && text.charAt(end) != q && text.charAt(end) != '\n') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            if (end >= n || text.charAt(end) != q) {
                return;
            }
        } else {
            if (mode != Mode.CODE && (q == '|' || q == '>')) {
                blockScalar(text, v, name, kind, hits); // password: |\n    s3cret
                return;
            }
            if (mode == Mode.CODE || "!&*|>#".indexOf(q) >= 0) {
                return; // code, or a YAML tag, anchor or alias
            }
            start = v;
            end = v;
            while (end < n && end - start < MAX_VALUE && !Character.isWhitespace(text.charAt(end))
                    && ",;)}]\"'".indexOf(text.charAt(end)) < 0) {
                end++;
            }
        }
        if (end <= start) {
            return;
        }
        String value = text.substring(start, end);
        boolean real = SecretHeuristics.plausibleValue(kind, value);
        if (real && !isQuote(q) && mode == Mode.FREE) {
            real = value.length() >= 8 && SecretHeuristics.entropy(value) >= 3.0;
        }
        if (real && !isQuote(q) && looksLikeCode(value)) {
            real = false;
        }
        if (real) {
            if (isAwsSecretKey(name, value)) {
                hits.add(new Redactor.Hit(start, end, "aws-secret-key", name, 0));
                return;
            }
            String id = kind == SecretHeuristics.NameKind.PASSWORD ? "password" : "generic-secret";
            hits.add(new Redactor.Hit(start, end, id, name, 2));
        }
    }

    /**
     * A Kubernetes/compose env entry written as two keys: {@code - name: PG_PASSWORD} then {@code value: "…"} on the
     * next line. Returns where that value starts, or -1 ({@code valueFrom: secretKeyRef} and anything else).
     *
     * @param after the first index after the name (and a closing quote)
     */
    private static int kubernetesEnvValue(String text, int nameStart, int after) {
        // "  - name: " is short: look back at most 64 characters, never a whole (possibly 256 KB) line
        int lineStart = nameStart;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            if (nameStart - lineStart > 64) {
                return -1;
            }
            lineStart--;
        }
        String before = text.substring(lineStart, nameStart).strip();
        if (before.startsWith("- ")) {
            before = before.substring(2).strip();
        }
        if (!before.equals("name:") && !before.equals("name: \"") && !before.equals("name: '")
                && !before.equals("name:\"") && !before.equals("name:'")) {
            return -1;
        }
        int eol = text.indexOf('\n', after);
        if (eol < 0 || !text.substring(after, eol).strip().replace("\"", "").replace("'", "").isEmpty()) {
            return -1;
        }
        int next = eol + 1;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        return text.startsWith("value:", next) ? next + "value:".length() : -1;
    }

    /** A YAML block scalar's first line ({@code password: |} then the value, indented, on the next line). */
    private static void blockScalar(String text, int marker, String name, SecretHeuristics.NameKind kind,
                                    List<Redactor.Hit> hits) {
        int eol = text.indexOf('\n', marker);
        if (eol < 0 || eol - marker > 4 || !text.substring(marker + 1, eol).strip().matches("[-+0-9]*")) {
            return;
        }
        int start = eol + 1;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start && end - start <= MAX_VALUE && start - eol > 1
                && SecretHeuristics.plausibleValue(kind, text.substring(start, end))) {
            hits.add(new Redactor.Hit(start, end, kind == SecretHeuristics.NameKind.PASSWORD ? "password"
                    : "generic-secret", name, 2));
        }
    }

    /** After {@code name:} in code, {@code str = } or {@code Optional[str] = }: where the default value starts, or -1. */
    private static int annotatedValue(String text, int colon) {
        int n = text.length();
        int j = colon + 1;
        while (j < n && text.charAt(j) == ' ') {
            j++;
        }
        int typeStart = j;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || "_.[], |".indexOf(text.charAt(j)) >= 0)) {
            j++;
        }
        if (j == typeStart || j >= n || text.charAt(j) != '=' || j + 1 < n && text.charAt(j + 1) == '=') {
            return -1;
        }
        return j + 1;
    }

    /** The name is the first word after {@code ENV} at the start of its line (a Dockerfile). */
    private static boolean dockerEnvName(String text, int nameStart) {
        // a few characters back, never the whole line: lines can be 256 KB long here (redaction runs before the cap)
        int i = nameStart - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t') && nameStart - i < 16) {
            i--;
        }
        return i >= 2 && text.regionMatches(true, i - 2, "ENV", 0, 3) && (i < 3 || text.charAt(i - 3) == '\n');
    }

    /**
     * The name is the quoted first argument of an environment lookup: {@code getenv("X_KEY", …)},
     * {@code environ.get('X_KEY', …)}, {@code os.environ.setdefault("X_KEY", …)}.
     */
    private static boolean envLookupDefault(String text, int nameStart) {
        if (nameStart < 1 || !isQuote(text.charAt(nameStart - 1))) {
            return false;
        }
        int p = nameStart - 2;
        while (p >= 0 && Character.isWhitespace(text.charAt(p))) {
            p--;
        }
        if (p < 0 || text.charAt(p) != '(') {
            return false;
        }
        String before = text.substring(Math.max(0, p - 20), p);
        return before.endsWith("getenv") || before.endsWith("environ.get") || before.endsWith("setdefault")
                || before.endsWith("env.get");
    }

    /** Where the value starts after the separator at {@code i}, or -1 when this is not an assignment. */
    private static int separatorEnd(String text, int i) {
        int n = text.length();
        char c = text.charAt(i);
        char prev = i > 0 ? text.charAt(i - 1) : ' ';
        char next = i + 1 < n ? text.charAt(i + 1) : ' ';
        if (c == '=') {
            if (next == '=' || "=!<>+-*/%&|^~".indexOf(prev) >= 0 && prev != ':') {
                return -1; // comparison or compound operator
            }
            return next == '>' ? i + 2 : i + 1;
        }
        if (next == ':' || prev == ':' || next == '/') {
            return -1; // C++ scope, URL scheme
        }
        return next == '=' ? i + 2 : i + 1;
    }

    /** aws_secret_access_key / AWS_SECRET_KEY / secretAccessKey holding 40 base64 characters. */
    private static boolean isAwsSecretKey(String name, String value) {
        String compact = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return (compact.endsWith("secretaccesskey") || compact.endsWith("awssecretkey")) && value.length() == 40
                && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '/' || c == '+')
                && !value.contains("EXAMPLE") && SecretHeuristics.entropy(value) >= 3.5;
    }

    private static boolean looksLikeCode(String value) {
        return value.contains("(") || value.startsWith("os.") || value.startsWith("process.env")
                || value.toLowerCase(Locale.ROOT).startsWith("env.");
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }
}
