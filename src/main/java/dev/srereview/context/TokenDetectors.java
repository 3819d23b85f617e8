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
    /** @param priority lower wins an overlap (0 vendor tokens, 1 credentials known by position, 3 prose) */
    record Detector(String id, List<String> triggers, Pattern pattern, int valueGroup, Predicate<String> real,
                    int priority) {
        Detector(String id, List<String> triggers, Pattern pattern, int valueGroup, Predicate<String> real) {
            this(id, triggers, pattern, valueGroup, real, GENERIC.contains(id) ? 1 : 0);
        }
    }

    /** Detectors that know a credential by where it stands, not by a vendor's shape. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("bearer-token", "basic-auth",
            "url-query-secret", "password");

    /** snake_case or UPPER_CASE names, dotted or not: a variable, not a credential ({@code pg_pass}, {@code cfg.db_pw}). */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_.]*|[A-Z_][A-Z0-9_.]*");

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
            // Discord's (and discordapp's) webhook URL carries its own token: anyone holding it posts as the bot
            new Detector("discord-webhook", List.of("discord.com/api/webhooks/", "discordapp.com/api/webhooks/"),
                    Pattern.compile("discord(?:app)?\\.com/api/webhooks/(\\d{15,21}/[A-Za-z0-9_-]{50,80})"), 1,
                    v -> SecretHeuristics.looksRandom(v.substring(v.indexOf('/') + 1), 3.0)),
            new Detector("stripe-key", List.of("sk_live_", "rk_live_", "sk_test_", "rk_test_"),
                    Pattern.compile("(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{20,}"), 0,
                    v -> SecretHeuristics.looksRandom(v.substring(8), 3.0)),
            new Detector("gitlab-token", List.of("glpat-"),
                    Pattern.compile("(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}"), 0,
                    v -> SecretHeuristics.looksRandomLetters(v.substring(6), 3.0)),
            new Detector("sendgrid-key", List.of("sg."),
                    Pattern.compile("(?<![A-Za-z0-9_.-])SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{20,64}"), 0,
                    v -> SecretHeuristics.looksRandomLetters(v.substring(3), 3.0)),
            new Detector("azure-storage-key", List.of("accountkey="),
                    Pattern.compile("(?i)AccountKey=([A-Za-z0-9+/]{40,}={0,2})"), 1,
                    v -> SecretHeuristics.looksRandomLetters(v, 3.5)),
            // Authorization headers: "Bearer <token>", "Basic <base64 of user:password>"
            new Detector("bearer-token", List.of("bearer "),
                    Pattern.compile("(?i)bearer\\s+([A-Za-z0-9._~+/-]{16,4096}+=*)"), 1,
                    v -> SecretHeuristics.looksRandomLetters(v, 3.0)),
            new Detector("basic-auth", List.of("basic "),
                    Pattern.compile("(?i)basic\\s+([A-Za-z0-9+/]{12,1024}+={0,2})(?![A-Za-z0-9+/=])"), 1,
                    TokenDetectors::basicCredentials),
            // a credential in a URL's query: ?api_key=…, &access_token=…, &sig=…
            new Detector("url-query-secret", List.of("key=", "token=", "secret=", "sig=", "signature=", "password="),
                    Pattern.compile("(?<=[?&][A-Za-z_-]{0,24})(?i:key|token|secret|sig|signature|password)=([^&\\s\"'#<>{}]{12,1024}+)"),
                    1, v -> SecretHeuristics.looksRandomLetters(v, 3.0)),
            // libpq key/value connection strings: "host=db password=s3cret dbname=x". A DSN has a sibling key on the
            // line and ends a value at a space or quote; connect(host=h, password=pg_pass) is code, not a DSN
            new Detector("password", List.of("password="),
                    Pattern.compile("(?:(?<=(?:host|dbname|user|port)=[^\\n]{0,200})|(?=password=[^\\n]{0,256}"
                            + "\\b(?:host|dbname|user|port)=))(?<=[\\s\"'(;])password=([^\\s\"'{}();,]{6,256}+)(?=[\\s\"';]|$)"), 1,
                    v -> SecretHeuristics.plausibleValue(SecretHeuristics.NameKind.PASSWORD, v)
                            && !v.contains(".") && !v.contains("[") && !IDENTIFIER.matcher(v).matches()),
            // requests' auth=("user", "password") and HTTPBasicAuth("user", "password")
            new Detector("password", List.of("auth=(", "httpbasicauth("),
                    Pattern.compile("(?i)(?:auth=\\(|HTTPBasicAuth\\()\\s*[\"'][^\"'\\n]*[\"']\\s*,\\s*[\"']([^\"'\\n]{6,})[\"']"), 1,
                    v -> SecretHeuristics.plausibleValue(SecretHeuristics.NameKind.PASSWORD, v)),
            // command lines: --db-password=…, "--password", "…", curl -u user:pass, mysql -p…
            new Detector("password", List.of("-password", "-passwd"),
                    // a flag (--password, --db-password), not a word that ends in -password (url-password)
                    Pattern.compile("(?<=(?:^|[\\s\"'\\[(,=])|(?:^|[\\s\"'\\[(,=])-[\\w-]{0,30})-(?:password|passwd)(?:=|[\"']\\s*,\\s*[\"']|[\"']?\\s+[\"']?)([^\\s\"',\\]$<{(=]{6,256}+)(?![(=])"), 1,
                    v -> SecretHeuristics.plausibleValue(SecretHeuristics.NameKind.PASSWORD, v) && !v.startsWith("-")),
            // redis-server --requirepass …, a redis.conf's requirepass …, and the list form ["--requirepass", "…"]
            new Detector("password", List.of("requirepass"),
                    // not the stock redis.conf's commented-out `# requirepass foobared`
                    Pattern.compile("(?i)(?<!#[^\\n]{0,200})requirepass(?:[\"']\\s*,\\s*[\"']|[ \\t]+[\"']?|=[\"']?)([^\\s\"',\\]$<{(]{6,256}+)"), 1,
                    v -> SecretHeuristics.plausibleValue(SecretHeuristics.NameKind.PASSWORD, v) && !v.startsWith("-")
                            && !v.equalsIgnoreCase("foobared")),
            // Kaggle's API key: 32 hex characters under KAGGLE_KEY (compose, .env, a CI file)
            new Detector("kaggle-key", List.of("kaggle_key"),
                    Pattern.compile("(?i)kaggle_key[\"']?\\s*[:=]\\s*[\"']?([0-9a-f]{32})(?![0-9a-f])"), 1,
                    v -> SecretHeuristics.looksRandomLetters(v, 3.0)),
            new Detector("password", List.of("-u "),
                    Pattern.compile("(?<=curl\\b[^\\n]{0,200})-u\\s+[\"']?[^:\\s\"'$]+:([^\\s\"'@$]{6,})"), 1,
                    v -> SecretHeuristics.plausibleValue(SecretHeuristics.NameKind.PASSWORD, v)),
            new Detector("password", List.of("-p "),
                    Pattern.compile("(?<=\\blogin\\b[^\\n]{0,80})-p\\s+[\"']?([^\\s\"'$]{6,})"), 1,
                    v -> SecretHeuristics.plausibleValue(SecretHeuristics.NameKind.PASSWORD, v)),
            // .netrc: machine host login user password secret
            new Detector("password", List.of("password "),
                    Pattern.compile("(?<=(?:\\bmachine\\s{1,4}\\S{1,128}|\\bdefault)\\s{1,4}login\\s{1,4}\\S{1,64}\\s{1,4})password\\s+(\\S{6,256}+)"), 1,
                    v -> SecretHeuristics.plausibleValue(SecretHeuristics.NameKind.PASSWORD, v)),
            new Detector("password", List.of("mysql "),
                    Pattern.compile("mysql\\b[^\\n]{0,120}?\\s-p([^\\s'\"$]{6,})"), 1,
                    v -> SecretHeuristics.plausibleValue(SecretHeuristics.NameKind.PASSWORD, v)),
            // prose, comments and pasted questions: "the root password is Qnz0Wiw8…"
            new Detector("password", List.of("password is ", "password was ", "passwd is ", "token is ", "secret is ",
                            "api key is ", "password: "),
                    Pattern.compile("(?i)(?:password|passwd|token|secret|api key)(?:\\s+(?:is|was)|\\s*:)\\s*:?\\s*[\"'`]?([^\\s\"'`,;]{8,256}+)"),
                    1, v -> SecretHeuristics.looksRandom(v, 3.0) && !v.contains("(") && !v.contains(")")
                            && !v.endsWith(":") && !v.startsWith("self.") && !IDENTIFIER.matcher(v).matches(),
                    3), // after an assignment's own judgement (POSTGRES_PASSWORD: … keeps its name)
            new Detector("google-api-key", List.of("aiza"),
                    Pattern.compile("(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"), 0,
                    v -> SecretHeuristics.looksRandom(v.substring(4), 3.0)),
            new Detector("jwt", List.of("eyj"),
                    Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}"),
                    0, v -> !SecretHeuristics.isPlaceholder(v)),
            // the user may be empty: redis://:password@host is how Redis URLs carry a password
            new Detector("url-password", List.of("://"),
                    // the password may itself hold '@' (svc:Aa6t@BaVb@db): it runs to the last '@' before the host
                    // a password equal to its user (churn:churn@localhost in a CI service) is a throwaway default, not a secret
                    Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{1,20}://([^\\s:/?#@\"'<>\\[\\]{}]*):(?!\\1@)([^\\s/?#\"'<>]+)@(?=[^\\s@/?#\"'<>]+(?:[:/?#\"'<>\\s]|$))"), 2,
                    v -> !SecretHeuristics.isPlaceholder(v)));

    private TokenDetectors() {
    }

    private static final int[] NONE = new int[0];
    /** The detectors each trigger starts, by index into {@link #ALL}: a hit runs only its own detectors' regexes. */
    private static final java.util.Map<String, int[]> BY_TRIGGER = byTrigger();

    private static java.util.Map<String, int[]> byTrigger() {
        java.util.Map<String, java.util.List<Integer>> m = new java.util.HashMap<>();
        for (int d = 0; d < ALL.size(); d++) {
            for (String t : ALL.get(d).triggers()) {
                m.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(d);
            }
        }
        java.util.Map<String, int[]> out = new java.util.HashMap<>();
        m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return java.util.Map.copyOf(out);
    }

    /** Adds every real match at the needle hits of {@code text} to {@code out}. */
    static void find(String text, Needles.Hits hits, List<Redactor.Hit> out) {
        int[] lastEnd = new int[ALL.size()];
        for (int h = 0; h < hits.size(); h++) {
            Needles.Needle needle = hits.needle(h);
            if (needle.use() != Needles.Use.TOKEN && needle.use() != Needles.Use.URL) {
                continue;
            }
            for (int d : BY_TRIGGER.getOrDefault(needle.text(), NONE)) {
                Detector det = ALL.get(d);
                if (hits.start(h) < lastEnd[d]) {
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
                    // shape-only detectors yield to a vendor token on the same span (Bearer <jwt> is a jwt)
                    out.add(new Redactor.Hit(s, e, det.id(), Redactor.nameBefore(text, m.start()), det.priority()));
                    if (det.priority() == 0) {
                        continuation(text, e, det.id(), out);
                    }
                }
            }
        }
    }

    /** {@code "sk-proj-AbC…" + "xYz…"}: the literal concatenated right after a token is the token's rest. */
    private static final Pattern CONTINUATION = Pattern.compile("[\"']\\s*\\+?\\s*\\\\?\\s*[\"']([A-Za-z0-9_+/=-]{8,512}+)[\"']");

    private static void continuation(String text, int tokenEnd, String id, List<Redactor.Hit> out) {
        Matcher c = CONTINUATION.matcher(text).region(tokenEnd, Math.min(text.length(), tokenEnd + 600));
        if (c.lookingAt() && SecretHeuristics.looksRandomLetters(c.group(1), 3.0)) {
            out.add(new Redactor.Hit(c.start(1), c.end(1), id, null, 0));
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

    /** Base64 that decodes to {@code user:password}: an HTTP Basic credential, not any base64 word. */
    private static boolean basicCredentials(String v) {
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(v), java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && colon < decoded.length() - 3 && decoded.chars().allMatch(c -> c >= 32 && c < 127);
        } catch (IllegalArgumentException e) {
            return false; // not base64: a word after "basic"
        }
    }
}
