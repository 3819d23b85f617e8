package dev.srereview.evidence.python;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.ScanStats;
import dev.srereview.context.SourceFile;
import dev.srereview.context.TestSnapshots;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for the focused rule tests. */
final class RuleAssertions {
    private RuleAssertions() {
    }

    static List<Finding> run(String... pathThenContent) {
        return new PythonRules(2).analyze(TestSnapshots.of(pathThenContent));
    }

    static List<Finding> of(List<Finding> all, Category c) {
        return all.stream().filter(f -> f.category() == c).toList();
    }

    static List<Finding> run(Category c, String... pathThenContent) {
        return of(run(pathThenContent), c);
    }

    /** A snapshot with explicit kinds: path, kind, content triples. */
    static RepoSnapshot withKinds(Object... pathKindContent) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i + 2 < pathKindContent.length; i += 3) {
            String content = (String) pathKindContent[i + 2];
            files.add(new SourceFile((String) pathKindContent[i], (FileKind) pathKindContent[i + 1], content.length(),
                    content, false, List.of()));
        }
        return new RepoSnapshot(Path.of("/tmp/x"), "x", files, List.of(), List.of(),
                new ScanStats(files.size(), files.size(), 0, 0, 0, 0));
    }
}
