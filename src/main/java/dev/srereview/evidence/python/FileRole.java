package dev.srereview.evidence.python;

import dev.srereview.context.FileKind;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a Python file is to an on-call engineer; decides whether a rule applies and how loud it is. */
enum FileRole {
    /** Serves requests or runs as a long-lived production process. */
    SERVICE,
    /** Production-side code that is not (visibly) a service: modules, config, scripts, workers. */
    SCRIPT,
    TRAINING,
    NOTEBOOK,
    TEST;

    private static final Pattern TEST_PATH = Pattern.compile(
            "(^|/)(tests?|testing)/|(^|/)test_[^/]*\\.py$|_test\\.py$|(^|/)conftest\\.py$");

    /**
     * @param hasRoutes the file registers HTTP routes (a service whatever its name)
     * @param hasApp    the file creates a web app (a service unless the scanner calls it training code)
     */
    static FileRole of(String path, FileKind kind, boolean hasRoutes, boolean hasApp) {
        String p = path.toLowerCase(Locale.ROOT);
        if (kind == FileKind.TEST || TEST_PATH.matcher(p).find()) {
            return TEST;
        }
        if (kind == FileKind.NOTEBOOK || p.endsWith(".ipynb")) {
            return NOTEBOOK;
        }
        if (p.contains("/management/commands/") || p.startsWith("management/commands/")) {
            // Django management commands: an operator's command line, even though they import the web framework
            return SCRIPT;
        }
        if (hasRoutes || kind == FileKind.SERVING_CODE || (hasApp && kind != FileKind.TRAINING_CODE)) {
            return SERVICE;
        }
        if (kind == FileKind.TRAINING_CODE) {
            return TRAINING;
        }
        return SCRIPT;
    }

    boolean production() {
        return this == SERVICE || this == SCRIPT;
    }
}
