package dev.srereview.evidence.common;

import java.util.Locale;

/** Path helpers shared by the rule families (paths are relative, '/'-separated). */
public final class FileNames {
    private FileNames() {
    }

    public static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static String dir(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    /** Resolves {@code ref} (relative, may hold ./ and ../) against the directory {@code dir}. */
    public static String resolve(String dir, String ref) {
        String r = ref.replace('\\', '/');
        if (r.startsWith("/")) {
            r = r.substring(1);
            dir = "";
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        if (!dir.isEmpty()) {
            for (String p : dir.split("/")) {
                parts.addLast(p);
            }
        }
        for (String p : r.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Example, sample and template files hold placeholders, not live configuration. */
    public static boolean isExampleFile(String path) {
        String b = lower(base(path));
        return b.contains(".example") || b.contains(".sample") || b.contains(".template") || b.contains(".dist")
                || b.startsWith("example") || b.startsWith("sample") || b.endsWith(".tmpl");
    }

    /** Tests, docs and examples are not what production runs. */
    public static boolean isNonProductionPath(String path) {
        String p = "/" + lower(path);
        return p.contains("/test/") || p.contains("/tests/") || p.contains("/testing/") || p.contains("/docs/")
                || p.contains("/examples/") || p.contains("/example/") || base(p).startsWith("test_")
                || base(p).endsWith("_test.py") || base(p).equals("conftest.py");
    }
}
