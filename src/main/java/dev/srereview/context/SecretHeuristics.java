package dev.srereview.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Judgement shared by the detectors: does a name hold a secret, is a value a placeholder, how random is it. */
final class SecretHeuristics {
    private static final Set<String> PLACEHOLDERS = Set.of(
            "changeme", "change-me", "change_me", "changeit", "changethis", "password", "passwd", "secret", "token",
            "none", "null", "nil", "undefined", "todo", "tbd", "fixme", "dummy", "test", "testing", "fake", "sample",
            "placeholder", "redacted", "example", "default", "xxx", "your-key", "yourkey", "mykey", "my-key",
            "mysecret", "my-secret", "mypassword", "secret123", "password123", "hunter2", "admin", "root", "user",
            "username", "pass", "key", "apikey", "api_key", "api-key", "str", "string", "true", "false",
            // the images' documented defaults (postgres:postgres in CI service containers, RabbitMQ's guest)
            "postgres", "mysql", "guest", "minioadmin");
    private static final List<String> PLACEHOLDER_PARTS = List.of(
            "example", "your", "replace", "insert", "placeholder", "dummy", "changeme", "change_me", "change-me",
            "redacted", "<", "{{", "${", "$(", "%(", "%s", "xxxx", "****", "...", "…", "not-a-real", "notreal",
            "fake", "sample", "lorem");
    private static final Set<String> KEY_QUALIFIERS = Set.of(
            "api", "access", "secret", "private", "auth", "signing", "encryption", "master", "client", "app",
            "service", "account", "license", "subscription", "session", "admin", "webhook", "openai", "anthropic",
            "hf", "stripe", "slack", "github", "gh", "aws", "gcp", "azure", "jwt", "hmac", "consumer", "dev", "prod",
            "fernet", "crypto", "cipher", "csrf",
            // cloud services and model APIs whose keys students commit under the service's name (COSMOS_KEY); brand
            // names only: STORAGE_KEY, HOST_KEY or PRIMARY_KEY as often name a blob path, a header or a column
            "cosmos", "cosmosdb", "cognitive", "speech", "translator", "pinecone", "cohere", "mistral", "groq",
            "replicate", "gemini", "serpapi", "tavily", "sendgrid", "mailgun", "twilio", "deepgram", "elevenlabs",
            "assemblyai", "weaviate", "qdrant", "langsmith", "langchain", "wandb", "mapbox", "algolia", "voyage",
            "jina", "fireworks", "perplexity", "deepseek", "runpod", "firebase", "supabase", "datadog", "sentry",
            "newrelic");

    enum NameKind { PASSWORD, SECRET, NONE }

    private SecretHeuristics() {
    }

    /** Shannon entropy in bits per character. */
    static double entropy(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] counts = new int[128];
        java.util.Map<Character, Integer> other = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                if (other == null) {
                    other = new java.util.HashMap<>();
                }
                other.merge(c, 1, Integer::sum);
            }
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other != null) {
            for (int c : other.values()) {
                double p = (double) c / n;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    /** Documented look-alikes and template values: never reported as secrets. */
    static boolean isPlaceholder(String value) {
        return placeholder(value, false);
    }

    /**
     * A placeholder in a token's shape: a whole-value placeholder, template syntax, or a placeholder word that opens a
     * segment ({@code hf_your_token_here}, {@code sk-exampleKey…}) or stands in a single-case one
     * ({@code sk-proj-EXAMPLEKEY123…}). The same word inside a mixed-case random run ({@code Xq3FAKEb7TnK…}) is
     * chance, not a template: a value shaped like a vendor's credential is treated as one.
     */
    static boolean isPlaceholderToken(String value) {
        return placeholder(value, true);
    }

    /** @param tokenShape placeholder words count only where they open a segment or fill a single-case one */
    private static boolean placeholder(String value, boolean tokenShape) {
        String v = value.strip();
        if (v.isEmpty()) {
            return true;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(lower) || lower.contains("[redacted")) {
            return true;
        }
        for (String part : PLACEHOLDER_PARTS) {
            // template syntax and masks (<…>, {{…}}, xxxx) count anywhere; words, for a token, only as words
            if (lower.contains(part) && (!tokenShape || !Character.isLetter(part.charAt(0)) || openedBy(v, part))) {
                return true;
            }
        }
        if (v.charAt(0) == '$' || v.charAt(0) == '<' || v.charAt(0) == '{' || v.charAt(0) == '%') {
            return true; // $VAR, <your-key>, {password}, %(password)s
        }
        return sameCharacter(lower);
    }

    /** A segment of {@code v} (split at - _ .) starts with {@code word}, or is single-case and holds it. */
    private static boolean openedBy(String v, String word) {
        for (String segment : v.split("[-_.]")) {
            String seg = segment.toLowerCase(Locale.ROOT);
            boolean singleCase = segment.equals(seg) || segment.equals(segment.toUpperCase(Locale.ROOT));
            if (seg.startsWith(word) || singleCase && seg.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** "xxxxxxxx", "********", "00000000": one repeated character (separators aside). */
    private static boolean sameCharacter(String s) {
        char first = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '_') {
                continue;
            }
            if (first == 0) {
                first = c;
            } else if (c != first) {
                return false;
            }
        }
        return true;
    }

    /** True when a token-shaped value looks random enough to be a real credential. */
    /**
     * Random-looking letters with no digit needed: Hugging Face access tokens are {@code hf_} and 34 letters of mixed
     * case, no digits.
     */
    static boolean looksRandomLetters(String body, double minEntropy) {
        if (isPlaceholderToken(body)) {
            return false;
        }
        boolean upper = body.chars().anyMatch(Character::isUpperCase);
        boolean lower = body.chars().anyMatch(Character::isLowerCase);
        return upper && lower && entropy(body) >= minEntropy || looksRandom(body, minEntropy);
    }

    static boolean looksRandom(String body, double minEntropy) {
        if (isPlaceholderToken(body)) {
            return false;
        }
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            digit |= Character.isDigit(c);
            letter |= Character.isLetter(c);
        }
        return digit && letter && entropy(body) >= minEntropy;
    }

    /**
     * Whether a value assigned to a name of this kind is judged a secret. Passwords: six characters and some
     * variety, not a sentence. Tokens and keys: twelve characters, random-looking (entropy of 3 bits per
     * character), no whitespace, and a digit or symbol: {@code "_RSAPrivateKey"} (a type name) and
     * {@code " * [would prune] "} (a label) are not credentials.
     */
    static boolean plausibleValue(NameKind kind, String value) {
        if (isPlaceholder(value) || namesASecret(value)) {
            return false;
        }
        if (kind == NameKind.PASSWORD) {
            return value.length() >= 6 && entropy(value) >= 2.0 && value.split(" ", -1).length <= 2;
        }
        boolean digitOrSymbol = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                return false;
            }
            digitOrSymbol |= Character.isDigit(c) || !(Character.isLetter(c) || c == '_' || c == '.');
        }
        return digitOrSymbol && value.length() >= 12 && entropy(value) >= 3.0;
    }

    /** "challengePassword", "consumer.secret": a value that is itself a secret's name or label. */
    private static boolean namesASecret(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("passwd") || lower.contains("secret")
                || lower.contains("token") || lower.contains("apikey") || lower.contains("api_key");
    }

    /**
     * Classifies an assignment's name by its last word: {@code DB_PASSWORD}, {@code dbPass} are passwords;
     * {@code auth_token}, {@code client_secret}, {@code OPENAI_API_KEY} are secrets; {@code secret_name},
     * {@code existingSecret},
     * {@code max_tokens}, {@code token_url} and a bare {@code key} are not.
     */
    static NameKind nameKind(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return NameKind.NONE;
        }
        String last = words.get(words.size() - 1);
        if (words.size() > 1 && words.get(words.size() - 2).equals("existing")) {
            // Helm's existingSecret / existingPassword name a Secret object that holds the value, not the value
            return NameKind.NONE;
        }
        if (last.endsWith("password") || last.endsWith("passwd") || last.equals("pwd") || last.equals("pass")
                || last.equals("passphrase") || last.equals("pw")) {
            return NameKind.PASSWORD;
        }
        if (last.endsWith("secret") || last.endsWith("token") || last.endsWith("apikey") || last.endsWith("secretkey")
                || last.equals("credential") || last.equals("credentials") || last.equals("auth")
                || last.endsWith("accesskey")) {
            return NameKind.SECRET;
        }
        if (last.equals("key") && words.size() > 1 && KEY_QUALIFIERS.contains(words.get(words.size() - 2))) {
            return NameKind.SECRET;
        }
        return NameKind.NONE;
    }

    /** Splits snake_case, kebab-case, dotted and camelCase names into lower-case words. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>(4);
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(cur, out);
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                flush(cur, out);
            }
            cur.append(Character.toLowerCase(c));
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }
}
