package dev.srereview.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The end of the prompt: artifacts with sizes, then a compact tree of everything not sent, one line per
 * directory ({@code app/: util.py 4.1 KB, old.py 20 KB [gitignored]}). When that is too long for the
 * tokens left, deeper directories fold into {@code dir/ (230 files, 1.2 MB)} and long directories list
 * their largest entries only, step by step, until it fits; at worst one line counts what was not sent.
 */
final class LeftOutTree {
    static final String OVER_BUDGET = "over budget";
    private static final int MAX_ARTIFACTS = 40;
    /** (max depth, max entries per directory) tried in turn, most detailed first. */
    private static final int[][] LEVELS = {
        {Integer.MAX_VALUE, Integer.MAX_VALUE}, {Integer.MAX_VALUE, 40}, {6, 20}, {4, 12}, {3, 8}, {2, 6}, {1, 4},
        {1, 2}
    };

    private LeftOutTree() {
    }

    /** Artifacts section and left-out tree, the most detailed version within {@code allowance} tokens. */
    static String render(List<Artifact> artifacts, List<LeftOut> notSent, int allowance, ToIntFunction<String> tokens) {
        Node tree = build(notSent);
        int count = notSent.size();
        String arts = artifactsSection(artifacts, MAX_ARTIFACTS);
        for (int[] level : LEVELS) {
            String section = treeSection(tree, count, level[0], level[1], allowance * 8L);
            String c = arts + section;
            if (section != null && fits(c, allowance, tokens)) {
                return c;
            }
        }
        for (String c : List.of(artifactsSection(artifacts, 5) + summaryOnly(tree, count), summaryOnly(tree, count))) {
            if (fits(c, allowance, tokens)) {
                return c;
            }
        }
        return "";
    }

    private static boolean fits(String c, int allowance, ToIntFunction<String> tokens) {
        // Cheap reject first: even dense text has fewer than one token per 2 characters... and more than
        // one per 8 in this format (paths and sizes), so a text 8x longer than the allowance cannot fit.
        if (c.length() > allowance * 8L) {
            return false;
        }
        return tokens.applyAsInt(c) <= allowance;
    }

    private static String artifactsSection(List<Artifact> artifacts, int max) {
        if (artifacts.isEmpty()) {
            return "";
        }
        List<Artifact> bySize = artifacts.stream()
                .sorted(Comparator.comparingLong(Artifact::sizeBytes).reversed().thenComparing(Artifact::path)).toList();
        StringBuilder sb = new StringBuilder("=== Artifacts: weights and data, never read (path size kind) ===\n");
        for (int i = 0; i < Math.min(max, bySize.size()); i++) {
            Artifact a = bySize.get(i);
            sb.append(a.path()).append(' ').append(Sizes.human(a.sizeBytes())).append(' ').append(a.kind()).append('\n');
        }
        if (bySize.size() > max) {
            long rest = bySize.subList(max, bySize.size()).stream().mapToLong(Artifact::sizeBytes).sum();
            sb.append("… and ").append(bySize.size() - max).append(" smaller artifacts (").append(Sizes.human(rest))
                    .append(")\n");
        }
        return sb.append('\n').toString();
    }

    /** The tree at one level of detail, or null as soon as it grows past {@code maxChars} (it cannot fit). */
    private static String treeSection(Node tree, int count, int maxDepth, int maxPerDir, long maxChars) {
        if (count == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("=== Not sent: ").append(count).append(" paths (path size [reason]; no reason = over budget) ===\n");
        return write(tree, "", 0, maxDepth, maxPerDir, sb, maxChars) ? sb.toString() : null;
    }

    private static String summaryOnly(Node tree, int count) {
        return count == 0 ? "" : "=== Not sent: " + count + " paths, " + Sizes.human(tree.bytes)
                + "; the list did not fit the token budget ===\n";
    }

    private static boolean write(Node node, String path, int depth, int maxDepth, int maxPerDir, StringBuilder sb,
                                 long maxChars) {
        if (sb.length() > maxChars) {
            return false;
        }
        List<String> items = new ArrayList<>();
        List<long[]> itemSizes = new ArrayList<>();
        for (LeftOut f : node.entries) {
            String name = f.path().substring(path.length());
            items.add(item(name, f));
            itemSizes.add(new long[] {f.sizeBytes()});
        }
        List<Map.Entry<String, Node>> deeper = new ArrayList<>();
        for (Map.Entry<String, Node> e : node.children.entrySet()) {
            Node c = e.getValue();
            if (depth + 1 >= maxDepth) {
                items.add(e.getKey() + "/ (" + c.files + " paths, " + Sizes.human(c.bytes) + ")");
                itemSizes.add(new long[] {c.bytes});
            } else {
                deeper.add(e);
            }
        }
        if (!items.isEmpty()) {
            sb.append(path.isEmpty() ? "./" : path).append(": ");
            if (items.size() > maxPerDir) {
                // Keep the largest: they matter most to an SRE (memory, image size).
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    order.add(i);
                }
                order.sort(Comparator.comparingLong((Integer i) -> itemSizes.get(i)[0]).reversed());
                long rest = 0;
                List<String> shown = new ArrayList<>();
                for (int k = 0; k < order.size(); k++) {
                    if (k < maxPerDir) {
                        shown.add(items.get(order.get(k)));
                    } else {
                        rest += itemSizes.get(order.get(k))[0];
                    }
                }
                sb.append(String.join(", ", shown)).append(", +").append(items.size() - maxPerDir).append(" more (")
                        .append(Sizes.human(rest)).append(')');
            } else {
                sb.append(String.join(", ", items));
            }
            sb.append('\n');
        }
        for (Map.Entry<String, Node> e : deeper) {
            if (!write(e.getValue(), path + e.getKey() + "/", depth + 1, maxDepth, maxPerDir, sb, maxChars)) {
                return false;
            }
        }
        return sb.length() <= maxChars;
    }

    private static String item(String name, LeftOut f) {
        StringBuilder sb = new StringBuilder(name);
        if (f.sizeBytes() > 0) {
            sb.append(' ').append(Sizes.human(f.sizeBytes()));
        }
        if (!OVER_BUDGET.equals(f.reason())) {
            sb.append(" [").append(f.reason()).append(']');
        }
        return sb.toString();
    }

    /** Directories of the left-out paths; a path ending in '/' (a skipped directory) is an entry, not a node. */
    private static final class Node {
        final Map<String, Node> children = new TreeMap<>();
        final List<LeftOut> entries = new ArrayList<>();
        int files;
        long bytes;
    }

    private static Node build(List<LeftOut> notSent) {
        Node root = new Node();
        for (LeftOut l : notSent) {
            String p = l.path();
            String dirPart = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
            int slash = dirPart.lastIndexOf('/');
            Node n = root;
            root.files++;
            root.bytes += l.sizeBytes();
            if (slash > 0) {
                for (String seg : dirPart.substring(0, slash).split("/")) {
                    n = n.children.computeIfAbsent(seg, k -> new Node());
                    n.files++;
                    n.bytes += l.sizeBytes();
                }
            }
            n.entries.add(l);
        }
        sortEntries(root);
        return root;
    }

    private static void sortEntries(Node n) {
        n.entries.sort(Comparator.comparing(LeftOut::path));
        n.children.values().forEach(LeftOutTree::sortEntries);
    }
}
