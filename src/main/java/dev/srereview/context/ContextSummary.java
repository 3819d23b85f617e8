package dev.srereview.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the context stage tells the user: one summary line before sending, and the /context listing. */
public final class ContextSummary {
    /** Entries shown per reason in {@link #listing}; the rest are counted. */
    static final int LIST_PER_REASON = 25;

    /**
     * "412 files scanned, 37 sent (24,310 tokens, about $0.004), 2 large artifacts noted (model.pt 3.1 GB),
     * 3 secrets redacted in 2 files, 120 files left out — /context to list them".
     */
    public String line(RepoSnapshot snapshot, PackedContext packed, double pricePer1kTokens) {
        StringBuilder sb = new StringBuilder();
        sb.append(Sizes.count(snapshot.stats().filesScanned())).append(" files scanned, ")
                .append(Sizes.count(packed.sentPaths().size())).append(" sent (")
                .append(Sizes.count(packed.tokens())).append(" tokens, ").append(cost(packed.tokens(), pricePer1kTokens))
                .append(')');
        List<Artifact> artifacts = snapshot.artifacts();
        if (!artifacts.isEmpty()) {
            List<Artifact> big = artifacts.stream().sorted(Comparator.comparingLong(Artifact::sizeBytes).reversed()
                    .thenComparing(Artifact::path)).limit(2).toList();
            sb.append(", ").append(artifacts.size()).append(artifacts.size() == 1 ? " artifact" : " artifacts")
                    .append(" noted (");
            for (int i = 0; i < big.size(); i++) {
                Artifact a = big.get(i);
                sb.append(i > 0 ? ", " : "").append(a.path().substring(a.path().lastIndexOf('/') + 1)).append(' ')
                        .append(Sizes.human(a.sizeBytes()));
            }
            sb.append(artifacts.size() > 2 ? ", …)" : ")");
        }
        int secrets = snapshot.secretsRedacted();
        if (secrets > 0) {
            long inFiles = snapshot.files().stream().filter(f -> !f.redactions().isEmpty()).count();
            sb.append(", ").append(secrets).append(secrets == 1 ? " secret" : " secrets").append(" redacted in ")
                    .append(inFiles).append(inFiles == 1 ? " file" : " files");
        }
        long left = packed.leftOut().stream().filter(l -> !isCut(l)).count();
        if (left > 0) {
            sb.append(", ").append(Sizes.count(left)).append(left == 1 ? " path" : " paths")
                    .append(" left out — /context to list them");
        }
        return sb.toString();
    }

    /** The estimate shown before sending: "about $0.004", "under $0.001", "free" for a zero price. */
    public static String cost(int tokens, double pricePer1kTokens) {
        double usd = tokens / 1000.0 * pricePer1kTokens;
        if (pricePer1kTokens <= 0) {
            return "no price set";
        }
        if (usd < 0.001) {
            return "under $0.001";
        }
        return "about $" + String.format(Locale.ROOT, usd < 1 ? "%.3f" : "%.2f", usd);
    }

    /** For /context: what was sent (cut files marked), then what was left out, grouped by reason. */
    public String listing(PackedContext packed) {
        StringBuilder sb = new StringBuilder();
        Map<String, LeftOut> cuts = new LinkedHashMap<>();
        Map<String, List<LeftOut>> byReason = new LinkedHashMap<>();
        for (LeftOut l : packed.leftOut()) {
            if (isCut(l)) {
                cuts.put(l.path(), l);
            } else {
                byReason.computeIfAbsent(reasonGroup(l.reason()), k -> new ArrayList<>()).add(l);
            }
        }
        sb.append("Sent: ").append(packed.sentPaths().size()).append(" files, ").append(Sizes.count(packed.tokens()))
                .append(" tokens\n");
        for (String p : packed.sentPaths()) {
            sb.append("  ").append(p);
            LeftOut cut = cuts.get(p);
            if (cut != null) {
                sb.append("  (").append(cut.reason()).append(')');
            }
            sb.append('\n');
        }
        long left = packed.leftOut().size() - cuts.size();
        sb.append("Left out: ").append(left).append(left == 1 ? " path" : " paths").append('\n');
        for (Map.Entry<String, List<LeftOut>> e : byReason.entrySet()) {
            List<LeftOut> group = e.getValue();
            long bytes = group.stream().mapToLong(LeftOut::sizeBytes).sum();
            sb.append("  ").append(e.getKey()).append(" (").append(group.size()).append(", ")
                    .append(Sizes.human(bytes)).append("):\n");
            for (int i = 0; i < Math.min(LIST_PER_REASON, group.size()); i++) {
                LeftOut l = group.get(i);
                sb.append("    ").append(l.path());
                if (l.sizeBytes() > 0) {
                    sb.append("  ").append(Sizes.human(l.sizeBytes()));
                }
                if (!reasonGroup(l.reason()).equals(l.reason())) {
                    sb.append("  [").append(l.reason()).append(']');
                }
                sb.append('\n');
            }
            if (group.size() > LIST_PER_REASON) {
                sb.append("    … and ").append(group.size() - LIST_PER_REASON).append(" more\n");
            }
        }
        return sb.toString();
    }

    private static boolean isCut(LeftOut l) {
        return l.reason().startsWith("cut after line");
    }

    /** "gitignored (12 files)" groups with "gitignored"; "symlink to x/" with other symlinks. */
    private static String reasonGroup(String reason) {
        int paren = reason.indexOf(" (");
        String r = paren > 0 ? reason.substring(0, paren) : reason;
        if (r.startsWith("symlink to ")) {
            return "symlink to a directory";
        }
        if (r.startsWith("unreadable")) {
            return "unreadable";
        }
        return r;
    }
}
