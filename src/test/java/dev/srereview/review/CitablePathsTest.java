package dev.srereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.TestSnapshots;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CitablePathsTest {
    @Test
    void filesAndTheDirectoriesHoldingThemAreCitableNothingElse() {
        CitablePaths citable = CitablePaths.of(TestSnapshots.of("app/api/serve.py", "x", "Dockerfile", "FROM x"));
        Set<String> paths = citable.paths();

        assertThat(paths).contains("app/api/serve.py", "Dockerfile", "app", "app/", "app/api", "app/api/");
        assertThat(paths).doesNotContain("app/serve.py", "api", "serve.py", "k8s/");
    }

    @Test
    void aFileReadWholeKnowsItsLengthOthersDoNot() {
        CitablePaths citable = CitablePaths.of(TestSnapshots.of("app.py", "a = 1\nb = 2\n", "Dockerfile", "FROM x"));
        assertThat(citable.lineCount("app.py")).isEqualTo(2);
        assertThat(citable.lineCount("app")).isEqualTo(-1);
        assertThat(citable.lineCount("missing.py")).isEqualTo(-1);
    }
}
