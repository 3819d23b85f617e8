package dev.srereview.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where history and logs go: the environment decides, as a shell's ~ would. */
class StateDirsTest {
    private String override;

    @BeforeEach
    void clearOverride() {
        override = System.clearProperty(StateDirs.HOME_PROPERTY); // the build points it under target/ for every test
    }

    @AfterEach
    void restoreOverride() {
        if (override != null) {
            System.setProperty(StateDirs.HOME_PROPERTY, override);
        }
    }

    @Test
    void homeFromTheEnvironmentWins() {
        assertThat(StateDirs.stateRoot(Map.of("HOME", "/tmp/elsewhere")))
                .isEqualTo(Path.of("/tmp/elsewhere/.local/state/sre-review"));
        assertThat(StateDirs.historyFile(Map.of("HOME", "/tmp/elsewhere")))
                .isEqualTo(Path.of("/tmp/elsewhere/.local/state/sre-review/history"));
    }

    @Test
    void xdgStateHomeWinsOverHome() {
        assertThat(StateDirs.stateRoot(Map.of("HOME", "/tmp/elsewhere", "XDG_STATE_HOME", "/tmp/state")))
                .isEqualTo(Path.of("/tmp/state/sre-review"));
    }

    @Test
    void aRelativeOrMissingHomeFallsBackToTheJvmsUserHome() {
        Path jvm = Path.of(System.getProperty("user.home"), ".local", "state", "sre-review");
        assertThat(StateDirs.stateRoot(Map.of("HOME", "relative/dir"))).isEqualTo(jvm);
        assertThat(StateDirs.stateRoot(Map.of())).isEqualTo(jvm);
    }
}
