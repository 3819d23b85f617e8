package dev.srereview.context;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values in .env-style files ({@code .env}, {@code .env.production}, {@code app.env}, {@code .envrc}):
 * such a file exists to hold configuration that is kept out of code, so every value is redacted unless
 * it is plainly harmless (a number, a boolean, a short lower-case word, lower-case words joined by dashes (a model
 * name), a URL without credentials, a path)
 * or a placeholder. Names that say password/secret/token/key are redacted even when short.
 */
final class EnvFileDetector {
    private static final Pattern LINE = Pattern.compile(
            "(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*=[ \\t]*(.*?)[ \\t]*\\r?$");
    private static final Pattern HARMLESS = Pattern.compile(
            "-?[0-9][0-9._:]*|(?i:true|false|yes|no|on|off|debug|info|warn|warning|error|critical|trace)"
                    + "|[a-z][a-z0-9_.-]{0,23}|[A-Za-z][A-Za-z0-9+.-]*://[^@\\s]*|[./~][^\\s]*"
                    // lower-case words joined by - _ . / : (model names: distilbert-base-uncased, llama3:8b, org/name)
                    // (and key prefixes ending in their separator: summarize:result:)
                    + "|(?:[a-z]+[0-9]*|[0-9]{1,4}[a-z]?)(?:[-_./:](?:[a-z]+[0-9]*|[0-9]{1,4}[a-z]?))+[-_./:]?");

    /**
     * Model names and Hugging Face ids, one or a comma list, under a *MODEL* name: mistralai/Mixtral-8x7B-Instruct-v0.1,
     * gpt-4o-mini,gpt-4o (mixed case and digits, which the word pattern above leaves to redaction).
     */
    private static final Pattern MODEL_LIST = Pattern.compile(
            "[A-Za-z0-9][\\w.:-]*(/[A-Za-z0-9][\\w.:-]*)?(,\\s*[A-Za-z0-9][\\w.:-]*(/[A-Za-z0-9][\\w.:-]*)?)*");

    private EnvFileDetector() {
    }

    static boolean isEnvFile(String path) {
        if (path == null) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env") || name.equals(".envrc")
                || name.equals("env.list") || name.endsWith(".env.local");
    }

    static void find(String text, List<Redactor.Hit> hits) {
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            int s = m.start(2);
            int e = m.end(2);
            if (s >= e) {
                continue;
            }
            char first = text.charAt(s);
            if ((first == '"' || first == '\'') && e - s >= 2 && text.charAt(e - 1) == first) {
                s++;
                e--;
            } else {
                int comment = text.indexOf(" #", s);
                if (comment >= 0 && comment < e) {
                    e = comment;
                }
            }
            if (s >= e) {
                continue;
            }
            String name = m.group(1);
            String value = text.substring(s, e);
            if (SecretHeuristics.isPlaceholder(value)) {
                continue;
            }
            boolean secretName = SecretHeuristics.nameKind(name) != SecretHeuristics.NameKind.NONE;
            boolean models = !secretName && name.toUpperCase(Locale.ROOT).contains("MODEL") && MODEL_LIST.matcher(value).matches();
            if (!models && (secretName || !HARMLESS.matcher(value).matches())) {
                hits.add(new Redactor.Hit(s, e, "env-value", name, 3));
            }
        }
    }
}
