package dev.srereview.review.offline;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.resources.ResourceArithmetic;
import dev.srereview.evidence.score.ReadinessScorer;
import dev.srereview.review.ChecklistItem;
import dev.srereview.review.Citation;
import dev.srereview.review.Review;
import dev.srereview.review.Risk;
import dev.srereview.review.Score;
import dev.srereview.review.parse.Citations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the whole review in the persona's format from the tool's own evidence, with no LLM: one risk per
 * cause (finding category), worst first, each with the persona's five fields, the locations cited in the
 * text and as {@link Citation}s, and the rule's own fix in the Mitigation.
 */
public final class OfflineComposer {
    /** Citations per risk; the text names how many more there are. */
    static final int MAX_CITED = 12;

    private final ReadinessScorer scorer;
    private final ResourceNotes resources;
    private final ObservabilityGaps observability = new ObservabilityGaps();
    private final RiskTemplates templates = new RiskTemplates();

    public OfflineComposer() {
        this(new ReadinessScorer(), new ResourceArithmetic());
    }

    public OfflineComposer(ReadinessScorer scorer, ResourceArithmetic arithmetic) {
        this.scorer = scorer;
        this.resources = new ResourceNotes(arithmetic);
    }

    public Review compose(RepoSnapshot snapshot, List<Finding> findings) {
        SafeText text = new SafeText(snapshot);
        Score score = scorer.score(snapshot, findings);
        List<Risk> risks = new ArrayList<>();
        List<ChecklistItem> checklist = new ArrayList<>();
        for (Map.Entry<Category, List<Finding>> group : groups(findings)) {
            RiskTemplate t = templates.of(group.getKey());
            risks.add(risk(t, group.getValue(), text));
            checklist.add(new ChecklistItem(checklistItem(t, group.getValue(), text), false));
        }
        if (risks.isEmpty()) {
            risks.add(noEvidenceRisk(snapshot));
        }
        checklist.addAll(standingChecks());
        return new Review(score, risks, observability.gaps(snapshot, findings, text),
                resources.notes(snapshot, findings, text), checklist);
    }

    /** Findings grouped by category; groups ordered by their worst severity, then size, then category order. */
    static List<Map.Entry<Category, List<Finding>>> groups(List<Finding> findings) {
        Map<Category, List<Finding>> by = new EnumMap<>(Category.class);
        findings.stream().sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::path)
                        .thenComparingInt(Finding::line))
                .forEach(f -> by.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f));
        List<Map.Entry<Category, List<Finding>>> out = new ArrayList<>(by.entrySet());
        out.sort(Comparator.<Map.Entry<Category, List<Finding>>, Severity>comparing(e -> e.getValue().get(0).severity())
                .thenComparing(e -> -e.getValue().size()).thenComparing(Map.Entry::getKey));
        return out;
    }

    private Risk risk(RiskTemplate t, List<Finding> group, SafeText text) {
        Finding worst = group.get(0);
        int n = group.size();
        String title = t.title() + (n == 1 ? " — " + text.cite(worst.path(), worst.line()) : " — " + n + " places");
        List<Citation> places = group.stream().map(f -> new Citation(f.path(), f.line())).distinct()
                .limit(MAX_CITED).toList();
        // Only what the review parser reads back as a citation, so a saved review parses to an equal one.
        List<Citation> evidence = places.stream().filter(c -> Citations.parse(c.toString()).isPresent()).toList();
        String where = String.join(", ", places.stream().map(c -> text.cite(c.path(), c.line())).toList())
                + (n > MAX_CITED ? " and " + (n - MAX_CITED) + " more" : "");
        // One place: the example names it; several: list them all, then the worst as the example.
        String scenario = t.scenario() + (n == 1 ? "" : " Found at " + where + ".") + " " + example(worst, text);
        String detection = t.detection() + " Before then, this review's evidence: " + where + ".";
        String fix = worst.fix().isBlank() ? t.code() : worst.fix();
        String lead = leadingProse(fix);
        String mitigation = t.mitigation() + "\n" + (lead.isEmpty() ? "" : text.prose(capitalised(lead.strip())) + "\n")
                + SafeText.fence(fenceLang(worst, t), fix.substring(lead.length()).strip()) + otherFixes(group, worst);
        return new Risk(worst.severity(), title, scenario, t.impact(), detection, mitigation, t.monitoring(), evidence);
    }

    /** The worst finding's own message, in the persona's concrete voice. */
    private static String example(Finding f, SafeText text) {
        String msg = text.prose(f.message());
        if (msg.isEmpty()) {
            return "";
        }
        String snippet = f.snippet().isBlank() ? "" : " (" + f.snippet().replace('`', '\'') + ")";
        return "At " + text.cite(f.path(), f.line()) + snippet + ": " + msg;
    }

    private static final java.util.regex.Pattern CODE_START = java.util.regex.Pattern.compile(
            "^(def|class|if|for|while|with|try|except|else|elif|import|from|return|async|await|RUN|FROM|ENV|CMD)\\b");

    /**
     * A fix's first line when it is a sentence introducing the code ("Remove it from the image and set it only in
     * local development:"): it goes above the code block, not inside it. Empty when the fix starts with code.
     */
    static String leadingProse(String fix) {
        int nl = fix.indexOf('\n');
        String first = nl < 0 ? fix : fix.substring(0, nl);
        String t = first.strip();
        boolean sentence = nl > 0 && t.endsWith(":") && t.split("\\s+").length >= 5 && !t.contains("=")
                && !t.startsWith("#") && !CODE_START.matcher(t).find();
        return sentence ? first : "";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Other distinct files need the same fix; say so rather than repeating the block. */
    private static String otherFixes(List<Finding> group, Finding worst) {
        Set<String> files = new LinkedHashSet<>();
        group.stream().filter(f -> !f.path().equals(worst.path())).forEach(f -> files.add(f.path()));
        if (files.isEmpty()) {
            return "";
        }
        return "\nApply the same change in " + files.size() + (files.size() == 1 ? " other file." : " other files.");
    }

    private static String fenceLang(Finding f, RiskTemplate t) {
        if (f.fix().isBlank()) {
            return t.lang();
        }
        String b = FileNames.lower(FileNames.base(f.path()));
        String fix = f.fix();
        if (fix.startsWith("resources:") || fix.startsWith("readinessProbe") || fix.startsWith("securityContext")
                || fix.startsWith("image:") || fix.startsWith("healthcheck:")) {
            return "yaml";
        }
        if (b.startsWith("dockerfile") || b.endsWith(".dockerfile")) {
            return fix.startsWith("#") ? "bash" : "dockerfile";
        }
        if (b.endsWith(".py")) {
            return "python";
        }
        if (b.endsWith(".yaml") || b.endsWith(".yml")) {
            return fix.startsWith("#") ? "bash" : "yaml";
        }
        return "bash".equals(t.lang()) || fix.startsWith("#") ? "bash" : "text";
    }

    private static String checklistItem(RiskTemplate t, List<Finding> group, SafeText text) {
        Set<String> files = new LinkedHashSet<>();
        group.forEach(f -> files.add(f.path()));
        List<String> cited = files.stream().limit(3).map(p -> text.cite(p, 0)).toList();
        return t.checklist() + " (" + String.join(", ", cited) + (files.size() > 3 ? ", …" : "") + ")";
    }

    /** With no evidence at all, the review still owes the reader the limits of what was checked. */
    private static Risk noEvidenceRisk(RepoSnapshot snapshot) {
        int files = snapshot.files().size();
        return new Risk(Severity.P3, "Static analysis found no operational risk — verify at runtime",
                "The " + files + " file(s) scanned show none of the patterns this tool checks (timeouts, health checks,"
                        + " probes, limits, pins, secrets, resource arithmetic). Failures that only appear under load,"
                        + " with real dependencies or with real data are not visible to static analysis.",
                "Unknown until the service meets production traffic: latency under load, memory growth over days and"
                        + " dependency failure modes are unverified.",
                "Only a load test, a failure drill and production metrics will show these; none of them is in the tree.",
                "Run a load test at 2x expected peak and a dependency-failure drill before launch:\n"
                        + SafeText.fence("bash", "# 10 minutes at 2x peak, watching p99 latency and RSS per worker\n"
                        + "locust -f loadtest.py --headless -u 200 -r 20 -t 10m --host http://staging:8080"),
                "Alert on p99 latency > 1 s for 5 minutes, error rate > 1% for 5 minutes, and memory > 85% of the limit.",
                List.of());
    }

    private static List<ChecklistItem> standingChecks() {
        return List.of(
                new ChecklistItem("Load test at 2x expected peak: p99 latency, error rate and memory per worker within budget", false),
                new ChecklistItem("Rollback tested: the previous image tag is recorded and a rollback completes in minutes", false),
                new ChecklistItem("Alerts for error rate, p99 latency and OOM kills route to the on-call rotation", false));
    }
}
