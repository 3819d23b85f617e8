package dev.srereview.context;

/**
 * Whether a {@code .dockerignore} keeps a path out of the build context. Docker matches every pattern from the
 * context's root ({@code secrets.toml} is only the top-level file; {@code **}{@code /secrets.toml} is any), so each
 * pattern is anchored before the gitignore matcher reads it.
 */
public final class DockerIgnore {
    private DockerIgnore() {
    }

    /** @param rel the path relative to the build context, '/' separators */
    public static boolean excludes(String dockerignoreText, String rel) {
        if (dockerignoreText == null || dockerignoreText.isBlank()) {
            return false;
        }
        StringBuilder anchored = new StringBuilder();
        for (String line : dockerignoreText.split("\r?\n")) {
            String t = line.strip();
            boolean negate = t.startsWith("!");
            String pattern = negate ? t.substring(1).strip() : t;
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (pattern.startsWith("./")) {
                pattern = pattern.substring(2);
            }
            if (!pattern.startsWith("/") && !pattern.startsWith("**/")) {
                pattern = "/" + pattern;
            }
            anchored.append(negate ? "!" : "").append(pattern).append('\n');
        }
        IgnoreRules rules = IgnoreRules.NONE.with(IgnoreFile.parse("", anchored.toString()));
        String[] parts = rel.split("/");
        // a rule on a parent directory (".streamlit/") excludes everything under it
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                prefix.append('/');
            }
            prefix.append(parts[i]);
            if (rules.ignored(prefix.toString(), parts[i], i < parts.length - 1)) {
                return true;
            }
        }
        return false;
    }
}
