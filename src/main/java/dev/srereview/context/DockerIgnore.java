package dev.srereview.context;

/** Whether a {@code .dockerignore} keeps a path out of the build context (gitignore pattern semantics, a superset). */
public final class DockerIgnore {
    private DockerIgnore() {
    }

    /** @param rel the path relative to the build context, '/' separators */
    public static boolean excludes(String dockerignoreText, String rel) {
        if (dockerignoreText == null || dockerignoreText.isBlank()) {
            return false;
        }
        IgnoreRules rules = IgnoreRules.NONE.with(IgnoreFile.parse("", dockerignoreText));
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
