package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * unsafe-deserialization in a task queue's settings: Celery or kombu told to accept pickle
 * ({@code accept_content=["pickle"]}, {@code task_serializer="pickle"}). Every worker then unpickles whatever
 * reaches the broker, so anyone who can write to Redis or RabbitMQ runs code on the workers.
 */
final class CelerySerializerRules implements NodeRule {
    private static final Pattern SETTING = Pattern.compile(
            "(?i)(^|[._])(accept_content|(task_|result_|event_)?serializer|CELERY_ACCEPT_CONTENT|CELERY_TASK_SERIALIZER)$");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("string");
    }

    @Override
    public void check(PyNode s, Scan scan) {
        if (!scan.role().production() || !"pickle".equals(Syntax.literal(s))
                || !scan.module.importsAny("celery", "kombu") && !scan.module.path.endsWith("celeryconfig.py")) {
            return;
        }
        String setting = settingName(s);
        if (setting == null || !SETTING.matcher(setting).find() || !scan.first("celery-pickle")) {
            return;
        }
        scan.emit("PY-DESER-002", Category.UNSAFE_DESERIALIZATION, Severity.P1, s,
                "`" + setting + "` lets the workers unpickle task messages: anyone who can write to the broker (a "
                        + "shared Redis, a leaked URL, another service's bug) runs code on every worker.",
                "task_serializer=\"json\", result_serializer=\"json\", accept_content=[\"json\"]\n"
                        + "# send ids and paths, not pickled objects; if a binary payload is needed, use msgpack");
    }

    /** The keyword, dict key or assigned name the literal (or the list holding it) is given to. */
    private static String settingName(PyNode s) {
        PyNode p = s.parent;
        if (p != null && (p.is("list") || p.is("tuple") || p.is("set"))) {
            p = p.parent;
        }
        if (p == null) {
            return null;
        }
        if (p.is("keyword_argument") && p.field("name") != null) {
            return p.field("name").text();
        }
        if (p.is("pair") && p.field("key") != null) {
            return Syntax.literal(p.field("key"));
        }
        if (p.is("assignment") && p.field("left") != null) {
            return p.field("left").text();
        }
        return null;
    }
}
