package dev.srereview.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses what of the snapshot goes into the prompt within a token budget, and never exceeds it.
 *
 * <p>Order: files with the heaviest findings first, then Dockerfiles, Kubernetes manifests, Helm charts,
 * compose, CI, serving code and entry points, dependency files, config, other code, notebooks, tests,
 * docs, lock files; shallower paths first within a kind. A file that does not fit whole is cut at a marked
 * line when it matters (findings, or a deployment kind) and otherwise left out for smaller files behind it;
 * no single file takes more than {@value #MAX_SHARE_PERCENT}% of the room while others wait. Everything not
 * sent is named at the end (path and size, folded into a compact tree when long), after the artifacts.
 */
public final class ContextPacker {
    static final int MAX_SHARE_PERCENT = 40;
    /** Below this many tokens left, nothing more is tried. */
    private static final int MIN_USEFUL = 40;
    /** A cut file must keep at least this many tokens to be worth its header. */
    private static final int MIN_CUT_TOKENS = 160;
    /** Files counted in a row that did not fit, after which only important files are still tried. */
    private static final int MAX_MISSES = 200;
    static final String PREAMBLE = "Repository files follow, each under a header `=== path (kind, N lines) ===`. "
            + "Every line starts with its line number and `|`: cite code as `path:line`. Secrets were replaced "
            + "by [REDACTED:kind] before sending. Artifacts (never read) and files not sent are listed at the end.\n\n";

    private final TokenCounter counter;

    public ContextPacker(TokenCounter counter) {
        this.counter = counter;
    }

    /**
     * @param findingWeightByPath higher means more severe evidence in that file: sent first
     * @param tokenBudget         tokens available for the repository text (persona and evidence already subtracted)
     */
    public PackedContext pack(RepoSnapshot snapshot, Map<String, Integer> findingWeightByPath, int tokenBudget) {
        Map<String, Integer> weights = findingWeightByPath == null ? Map.of() : findingWeightByPath;
        List<SourceFile> order = ordered(snapshot.files(), weights);
        int budget = Math.max(0, tokenBudget);
        int preamble = counter.count(PREAMBLE);
        if (budget < preamble + MIN_USEFUL) {
            return nothingSent(snapshot, order);
        }
        int room = budget - preamble;
        int tailReserve = Math.min(2000, Math.max(MIN_USEFUL, room / 10));
        Fill fill = new Fill(order, weights);
        fill.run(room - tailReserve, true);
        String tail = tail(snapshot, fill, room - fill.used);
        int limit = room - counter.count(tail) - 8;
        if (limit - fill.used > MIN_USEFUL) {
            // Room left (the tree needed less than reserved, or a capped file could grow): use it.
            fill.run(limit, false);
            fill.extendCuts(limit);
            tail = tail(snapshot, fill, room - fill.used);
        }
        String text = assemble(fill, tail);
        int tokens = counter.count(text);
        // Token counts of blocks do not add exactly (merges at the seams): trim until the whole fits.
        while (tokens > budget && !fill.sent.isEmpty()) {
            fill.dropLast();
            tail = tail(snapshot, fill, room - fill.used);
            text = assemble(fill, tail);
            tokens = counter.count(text);
        }
        if (tokens > budget) {
            return nothingSent(snapshot, order);
        }
        return new PackedContext(text, fill.sentPaths(), leftOut(snapshot, fill), tokens);
    }

    private PackedContext nothingSent(RepoSnapshot snapshot, List<SourceFile> order) {
        List<LeftOut> out = new ArrayList<>(snapshot.leftOut());
        order.forEach(f -> out.add(new LeftOut(f.path(), f.sizeBytes(), LeftOutTree.OVER_BUDGET)));
        out.sort(Comparator.comparing(LeftOut::path));
        return new PackedContext("", List.of(), out, 0);
    }

    private String tail(RepoSnapshot snapshot, Fill fill, int allowance) {
        List<LeftOut> notSent = new ArrayList<>(snapshot.leftOut());
        notSent.addAll(fill.overBudget());
        return LeftOutTree.render(snapshot.artifacts(), notSent, Math.max(0, allowance), counter::count);
    }

    private static String assemble(Fill fill, String tail) {
        StringBuilder sb = new StringBuilder(PREAMBLE);
        fill.sent.forEach(s -> sb.append(s.block()));
        return sb.append(tail).toString();
    }

    private static List<LeftOut> leftOut(RepoSnapshot snapshot, Fill fill) {
        List<LeftOut> out = new ArrayList<>(snapshot.leftOut());
        out.addAll(fill.overBudget());
        for (Sent s : fill.sent) {
            if (s.keptLines() < s.totalLines()) {
                out.add(new LeftOut(s.file().path(), s.file().sizeBytes(),
                        "cut after line " + s.keptLines() + " (" + (s.totalLines() - s.keptLines()) + " more lines)"));
            }
        }
        out.sort(Comparator.comparing(LeftOut::path));
        return out;
    }

    /** Files in sending order (keys computed once per file, not per comparison). */
    static List<SourceFile> ordered(List<SourceFile> files, Map<String, Integer> weights) {
        record Keyed(SourceFile f, int weight, int rank, int depth) {
        }
        return files.stream()
                .map(f -> new Keyed(f, weights.getOrDefault(f.path(), 0), rank(f), depth(f.path())))
                .sorted(Comparator.comparingInt((Keyed k) -> -k.weight()).thenComparingInt(Keyed::rank)
                        .thenComparingInt(Keyed::depth).thenComparing(k -> k.f().path()))
                .map(Keyed::f)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** Lower is sent first. */
    static int rank(SourceFile f) {
        if (FileClassifier.isLockFile(f.path())) {
            return 14;
        }
        return switch (f.kind()) {
            case DOCKERFILE -> 0;
            case K8S_MANIFEST -> 1;
            case HELM_CHART -> 2;
            case COMPOSE -> 3;
            case CI_WORKFLOW -> 4;
            case SERVING_CODE -> 5;
            case DEPENDENCY_FILE -> 6;
            case CONFIG -> 7;
            case TRAINING_CODE, OTHER_CODE -> FileClassifier.isEntryPoint(f.path()) ? 5 : 8;
            case NOTEBOOK -> 9;
            case TEST -> 10;
            case DOC -> f.path().toLowerCase(java.util.Locale.ROOT).contains("readme") ? 10 : 11;
            case OTHER -> 12;
        };
    }

    private static int depth(String path) {
        int d = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                d++;
            }
        }
        return d;
    }

    private record Sent(SourceFile file, String block, int tokens, int keptLines, int totalLines) {
    }

    /** The greedy fill: files in priority order, whole when they fit, cut when they matter. */
    private final class Fill {
        final List<SourceFile> order;
        final Map<String, Integer> weights;
        final List<Sent> sent = new ArrayList<>();
        final Set<String> sentSet = new HashSet<>();
        /** Tokens of each whole file's block, counted once. */
        final Map<String, Integer> wholeTokens = new HashMap<>();
        /** Lowest tokens-per-character seen: a safe-side estimate that spares counting files that cannot fit. */
        double minRatio = 0.1;
        int used;

        Fill(List<SourceFile> order, Map<String, Integer> weights) {
            this.order = order;
            this.weights = weights;
        }

        /** @param shareCap when true, one file takes at most MAX_SHARE_PERCENT of the limit while others wait */
        void run(int limit, boolean shareCap) {
            int misses = 0;
            int cap0 = shareCap ? Math.max(MIN_CUT_TOKENS, limit * MAX_SHARE_PERCENT / 100) : Integer.MAX_VALUE;
            for (int i = 0; i < order.size(); i++) {
                int left = limit - used;
                if (left < MIN_USEFUL) {
                    return;
                }
                SourceFile f = order.get(i);
                if (sentSet.contains(f.path())) {
                    continue;
                }
                boolean important = weights.getOrDefault(f.path(), 0) > 0 || rank(f) <= 6;
                if (!important && f.content().length() * minRatio * 0.8 > left) {
                    continue;
                }
                if (!important && misses >= MAX_MISSES) {
                    continue;
                }
                List<String> lines = f.lines();
                String block = FileBlock.whole(f, lines);
                Integer known = wholeTokens.get(f.path());
                int t = known != null ? known : counter.count(block);
                wholeTokens.put(f.path(), t);
                if (f.content().length() > 200) {
                    minRatio = Math.min(minRatio, (double) t / block.length());
                }
                boolean othersWait = i < order.size() - 1;
                int cap = othersWait ? Math.min(left, cap0) : left;
                if (t <= cap) {
                    add(new Sent(f, block, t, lines.size(), lines.size()));
                    misses = 0;
                } else if (important && Math.min(left, cap) >= MIN_CUT_TOKENS) {
                    Sent cut = cut(f, lines, Math.min(left, cap));
                    if (cut != null) {
                        add(cut);
                    }
                } else {
                    misses++;
                }
            }
        }

        /** The longest head of the file (binary search on lines) whose block fits {@code allowance}. */
        private Sent cut(SourceFile f, List<String> lines, int allowance) {
            int lo = 0;
            int hi = lines.size() - 1;
            Sent best = null;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                String block = FileBlock.render(f, lines, mid);
                int t = counter.count(block);
                if (t <= allowance) {
                    best = new Sent(f, block, t, mid, lines.size());
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return best != null && best.keptLines() > 0 ? best : null;
        }

        /** Gives files that were cut the room still left, in priority order, keeping their place in the text. */
        void extendCuts(int limit) {
            for (int i = 0; i < sent.size(); i++) {
                Sent s = sent.get(i);
                int left = limit - used;
                if (left < MIN_USEFUL) {
                    return;
                }
                if (s.keptLines() < s.totalLines()) {
                    List<String> lines = s.file().lines();
                    String whole = FileBlock.whole(s.file(), lines);
                    int t = counter.count(whole);
                    Sent bigger = t <= s.tokens() + left ? new Sent(s.file(), whole, t, lines.size(), lines.size())
                            : cut(s.file(), lines, s.tokens() + left);
                    if (bigger != null && bigger.keptLines() > s.keptLines()) {
                        sent.set(i, bigger);
                        used += bigger.tokens() - s.tokens();
                    }
                }
            }
        }

        private void add(Sent s) {
            sent.add(s);
            sentSet.add(s.file().path());
            used += s.tokens();
        }

        void dropLast() {
            Sent s = sent.remove(sent.size() - 1);
            sentSet.remove(s.file().path());
            used -= s.tokens();
        }

        List<String> sentPaths() {
            return sent.stream().map(s -> s.file().path()).toList();
        }

        List<LeftOut> overBudget() {
            List<LeftOut> out = new ArrayList<>();
            for (SourceFile f : order) {
                if (!sentSet.contains(f.path())) {
                    out.add(new LeftOut(f.path(), f.sizeBytes(), LeftOutTree.OVER_BUDGET));
                }
            }
            return out;
        }
    }
}
