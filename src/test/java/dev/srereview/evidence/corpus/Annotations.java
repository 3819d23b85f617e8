package dev.srereview.evidence.corpus;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus annotations, written as '#' comments on their own line (Python, YAML, Dockerfile, TOML,
 * requirements):
 * <ul>
 *   <li>{@code # ruleid: cat[, cat]} — the next non-annotation line must carry a finding of each category;</li>
 *   <li>{@code # ok: cat[, cat]} — the next non-annotation line must carry none (a near miss);</li>
 *   <li>{@code # expect-none: cat[, cat]} or {@code # expect-none: *} — the file must carry no finding of those
 *   categories anywhere (clean twins).</li>
 * </ul>
 * A finding on a line with no annotation for its category is a false alarm only in a file that annotates that
 * category somewhere (or expects none of it); elsewhere it is unjudged and counted apart.
 */
public final class Annotations {
    private static final Pattern ANNOTATION = Pattern.compile("^\\s*#\\s*(ruleid|ok|expect-none)\\s*:\\s*(.+?)\\s*$");

    public enum Kind { RULEID, OK }

    public record Expectation(String path, int line, String category, Kind kind) {
    }

    private final List<Expectation> expectations = new ArrayList<>();
    private final Map<String, Set<String>> annotatedCategories = new HashMap<>();
    private final Map<String, Set<String>> expectNone = new HashMap<>();

    public static Annotations of(RepoSnapshot snapshot) {
        Annotations a = new Annotations();
        snapshot.files().forEach(a::read);
        return a;
    }

    private void read(SourceFile f) {
        List<String> lines = f.lines();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ANNOTATION.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            List<String> cats = List.of(m.group(2).split("\\s*,\\s*"));
            if (m.group(1).equals("expect-none")) {
                expectNone.computeIfAbsent(f.path(), k -> new HashSet<>()).addAll(cats);
                continue;
            }
            int target = i + 1;
            while (target < lines.size() && ANNOTATION.matcher(lines.get(target)).matches()) {
                target++;
            }
            Kind kind = m.group(1).equals("ruleid") ? Kind.RULEID : Kind.OK;
            for (String c : cats) {
                expectations.add(new Expectation(f.path(), target + 1, c, kind));
                annotatedCategories.computeIfAbsent(f.path(), k -> new HashSet<>()).add(c);
            }
        }
    }

    public List<Expectation> expectations() {
        return List.copyOf(expectations);
    }

    /** Whether an unannotated finding of {@code category} in {@code path} is a false alarm (see class comment). */
    public boolean judged(String path, String category) {
        Set<String> none = expectNone.getOrDefault(path, Set.of());
        return none.contains("*") || none.contains(category)
                || annotatedCategories.getOrDefault(path, Set.of()).contains(category);
    }

    public boolean expected(String path, int line, String category) {
        return expectations.stream().anyMatch(e -> e.kind() == Kind.RULEID && e.path().equals(path)
                && e.line() == line && e.category().equals(category));
    }
}
