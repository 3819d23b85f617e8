package dev.srereview.evidence.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.TestSnapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildCommandsTest {
    @Test
    void theBuildPushActionsContextAndFile() {
        List<BuildCommands.Build> builds = BuildCommands.of(TestSnapshots.of(".github/workflows/ci.yml", """
                jobs:
                  image:
                    steps:
                      - uses: actions/checkout@v4
                      - uses: docker/build-push-action@v6
                        with:
                          context: .
                          file: ./docker/api.Dockerfile
                          push: true
                """));
        assertThat(builds).hasSize(1);
        assertThat(builds.get(0).context()).isEmpty();
        assertThat(builds.get(0).builds("docker/api.Dockerfile")).isTrue();
        assertThat(builds.get(0).builds("Dockerfile")).isFalse();
    }

    @Test
    void aScriptBuildsFromItsOwnDirectoryAndRemoteOrStdinContextsAreNotThisTree() {
        List<BuildCommands.Build> builds = BuildCommands.of(TestSnapshots.of("deploy/build.sh", """
                #!/bin/sh
                docker build -t api:dev ..
                docker build -t web https://github.com/org/web.git
                docker build -t x - < Dockerfile
                """));
        assertThat(builds).hasSize(1);
        assertThat(builds.get(0).context()).isEmpty(); // deploy/.. is the root
        assertThat(builds.get(0).builds("Dockerfile")).isTrue();
    }
}
