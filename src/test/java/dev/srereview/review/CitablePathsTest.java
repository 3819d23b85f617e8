package dev.srereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.TestSnapshots;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CitablePathsTest {
    @Test
    void filesAndTheDirectoriesHoldingThemAreCitableNothingElse() {
        Set<String> paths = CitablePaths.of(TestSnapshots.of("app/api/serve.py", "x", "Dockerfile", "FROM x"));

        assertThat(paths).contains("app/api/serve.py", "Dockerfile", "app", "app/", "app/api", "app/api/");
        assertThat(paths).doesNotContain("app/serve.py", "api", "serve.py", "k8s/");
    }
}
