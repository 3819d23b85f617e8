package dev.srereview.review;

import dev.srereview.context.ContextPacker;
import dev.srereview.context.PackedContext;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.config.SettingsException;
import dev.srereview.context.TokenCounter;
import dev.srereview.evidence.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the first review request within {@code context.maxTokens}: persona, evidence, then as many
 * repository files as fit (the packer adds the artifacts and the tree of what was left out). Room is held back for the re-asks, so a repair stays inside the budget too.
 */
final class ReviewPrompt {
    /** Evidence never takes more than this share of the budget; the rest of the findings are counted by category. */
    private static final double EVIDENCE_SHARE = 0.3;

    record Built(String system, String user, PackedContext context, int tokens) {
    }

    private final PromptLibrary prompts;
    private final ContextPacker packer;
    private final TokenCounter counter;

    ReviewPrompt(PromptLibrary prompts, ContextPacker packer, TokenCounter counter) {
        this.prompts = prompts;
        this.packer = packer;
        this.counter = counter;
    }

    /**
     * @param budget        the prompt's whole token budget
     * @param repairReserve tokens held back for re-asks (the model's reply and the violations sent again)
     * @throws SettingsException when the budget cannot hold even the persona and the request with its evidence
     *                           counted by category (the setting is then wrong, whatever the repository)
     */
    Built build(RepoSnapshot snapshot, List<Finding> findings, int budget, int repairReserve) {
        String system = prompts.persona();
        int persona = counter.count(system);
        Map<String, String> values = new HashMap<>();
        values.put("target", snapshot.target());
        values.put("findingCount", Integer.toString(findings.size()));
        values.put("evidence", evidence(findings, 0));
        values.put("files", NO_FILES);
        int fixed = persona + counter.count(prompts.reviewRequest(values));
        if (fixed > budget) {
            throw new SettingsException("context.maxTokens is " + budget + ", but the persona and the review request "
                    + "alone take " + fixed + " tokens: raise it (the shipped default is 24000)");
        }
        // re-asks get at most half of what is left: the first request must carry evidence
        int available = budget - Math.min(repairReserve, (budget - fixed) / 2) - persona;
        values.put("evidence", evidence(findings, (int) (available * EVIDENCE_SHARE)));
        values.put("files", "");
        int frame = counter.count(prompts.reviewRequest(values));
        if (persona + frame + counter.count(NO_FILES) > budget) {
            values.put("evidence", evidence(findings, 0)); // the category counts only: that much fits (above)
            frame = counter.count(prompts.reviewRequest(values));
        }
        int fileBudget = Math.max(0, available - frame);
        PackedContext packed = packer.pack(snapshot, weights(findings), fileBudget);
        values.put("files", packed.text().isBlank() ? NO_FILES : packed.text());
        String user = prompts.reviewRequest(values);
        return new Built(system, user, packed, persona + counter.count(user));
    }

    private static final String NO_FILES = "(no file fits the token budget; rely on the evidence)";

    /** Heavier findings pull their file forward in the budget: P0 counts most. */
    static Map<String, Integer> weights(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::path,
                f -> 1 << (2 * (3 - f.severity().ordinal())), Integer::sum));
    }

    private String evidence(List<Finding> findings, int tokenCap) {
        if (findings.isEmpty()) {
            return "(none: the rules found nothing; review the files yourself)";
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        int shown = 0;
        for (Finding f : findings) {
            String line = String.format(Locale.ROOT, "- [%s] %s `%s` %s%s%n", f.severity(), f.category().id(),
                    f.location(), f.message(), f.snippet().isBlank() ? "" : " | code: " + oneLine(f.snippet()));
            int cost = counter.count(line);
            if (used + cost > tokenCap) {
                break;
            }
            out.append(line);
            used += cost;
            shown++;
        }
        if (shown < findings.size()) {
            Map<String, Long> rest = findings.subList(shown, findings.size()).stream()
                    .collect(Collectors.groupingBy(f -> f.severity() + " " + f.category().id(), Collectors.counting()));
            out.append("- …and ").append(findings.size() - shown).append(" more: ").append(rest).append('\n');
        }
        return out.toString().strip();
    }

    private static String oneLine(String snippet) {
        String s = snippet.strip().replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
