package dev.srereview.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Settings load(Map<String, String> env, SettingsOverrides flags) {
        return new SettingsLoader(env, dir, warnings::add).load(flags);
    }

    private Path file(String yaml) throws IOException {
        Path f = dir.resolve("user.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void shippedDefaultsAloneGiveEveryValue() {
        Settings s = load(Map.of(), SettingsOverrides.NONE);
        assertThat(s.llm().model()).isEqualTo("gpt-4o-mini");
        assertThat(s.llm().baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(s.llm().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.llm().deadline()).isEqualTo(Duration.ofMinutes(3));
        assertThat(s.llm().maxAttempts()).isEqualTo(3);
        assertThat(s.llm().hasKey()).isFalse();
        assertThat(s.review().maxRepairs()).isEqualTo(2);
        assertThat(s.context().maxTokens()).isEqualTo(24000);
        assertThat(s.log().level()).isEqualTo("INFO");
        assertThat(warnings).isEmpty();
    }

    @Test
    void laterLayersWinDefaultsThenFileThenEnvironmentThenFlags() throws IOException {
        Path f = file("llm:\n  model: from-file\n  timeout: 5s\n  baseUrl: http://file:1/v1\nreview:\n  maxRepairs: 1\n");
        Map<String, String> env = Map.of("SRE_REVIEW_MODEL", "from-env", "OPENAI_BASE_URL", "http://env:2/v1");

        Settings fileOnly = load(Map.of(), new SettingsOverrides(f, null, false, false));
        assertThat(fileOnly.llm().model()).isEqualTo("from-file");
        assertThat(fileOnly.llm().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(fileOnly.review().maxRepairs()).isEqualTo(1);
        assertThat(fileOnly.llm().maxAttempts()).as("untouched keys keep the default").isEqualTo(3);

        Settings withEnv = load(env, new SettingsOverrides(f, null, false, false));
        assertThat(withEnv.llm().model()).isEqualTo("from-env");
        assertThat(withEnv.llm().baseUrl()).isEqualTo("http://env:2/v1");
        assertThat(withEnv.llm().timeout()).isEqualTo(Duration.ofSeconds(5));

        Settings withFlags = load(env, new SettingsOverrides(f, "from-flag", true, true));
        assertThat(withFlags.llm().model()).isEqualTo("from-flag");
        assertThat(withFlags.review().offline()).isTrue();
        assertThat(withFlags.log().level()).isEqualTo("DEBUG");
    }

    @Test
    void settingsFileFromTheEnvironmentWhenNoFlag() throws IOException {
        file("llm:\n  maxAttempts: 7\n");
        Settings s = load(Map.of("SRE_REVIEW_CONFIG", "user.yaml"), SettingsOverrides.NONE);
        assertThat(s.llm().maxAttempts()).isEqualTo(7);
    }

    @Test
    void emptyEnvironmentValuesCountAsUnset() {
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", "");
        env.put("SRE_REVIEW_MODEL", " ");
        Settings s = load(env, SettingsOverrides.NONE);
        assertThat(s.llm().hasKey()).isFalse();
        assertThat(s.llm().model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aMissingFileAndADirectoryAreToldApart() {
        assertThatThrownBy(() -> load(Map.of(), new SettingsOverrides(dir.resolve("nope.yaml"), null, false, false)))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("settings file not found: ");
        assertThatThrownBy(() -> load(Map.of(), new SettingsOverrides(dir, null, false, false)))
                .isInstanceOf(SettingsException.class).hasMessageEndingWith("is a directory: name a YAML file");
    }

    @Test
    void unknownKeyIsAWarningNamingTheKeyAndTheFile() throws IOException {
        Path f = file("llm:\n  modle: typo\n  model: ok\nextra: 1\n");
        Settings s = load(Map.of(), new SettingsOverrides(f, null, false, false));
        assertThat(s.llm().model()).isEqualTo("ok");
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("'llm.modle'").contains(f.toString());
        assertThat(warnings.get(1)).contains("'extra'");
    }

    @Test
    void invalidValueStopsWithOneLineNamingKeyValueAndFile() throws IOException {
        Path f = file("llm:\n  timeout: soon\n");
        assertThatThrownBy(() -> load(Map.of(), new SettingsOverrides(f, null, false, false)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("llm.timeout")
                .hasMessageContaining("'soon'")
                .hasMessageContaining(f.toString())
                .hasMessageContaining("500ms")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void invalidValuesOfEachTypeAreRejected() throws IOException {
        for (String yaml : List.of("llm:\n  maxAttempts: 0\n", "llm:\n  maxAttempts: three\n",
                "review:\n  offline: maybe\n", "log:\n  level: LOUD\n", "llm:\n  baseUrl: ftp://x/v1\n",
                "llm:\n  timeout: 0s\n", "context:\n  pricePer1kTokens: -1\n", "llm:\n  model: ''\n")) {
            Path f = file(yaml);
            assertThatThrownBy(() -> load(Map.of(), new SettingsOverrides(f, null, false, false)))
                    .as(yaml).isInstanceOf(SettingsException.class).hasMessageContaining(f.toString());
        }
    }

    @Test
    void invalidEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> load(Map.of("OPENAI_BASE_URL", "localhost:11434"), SettingsOverrides.NONE))
                .hasMessageContaining("llm.baseUrl").hasMessageContaining("environment variable OPENAI_BASE_URL");
    }

    @Test
    void missingOrBrokenSettingsFileIsAnError() throws IOException {
        assertThatThrownBy(() -> load(Map.of(), new SettingsOverrides(dir.resolve("nope.yaml"), null, false, false)))
                .isInstanceOf(SettingsException.class).hasMessageContaining("nope.yaml");
        Path f = file("llm: [unclosed\n");
        assertThatThrownBy(() -> load(Map.of(), new SettingsOverrides(f, null, false, false)))
                .isInstanceOf(SettingsException.class).hasMessageContaining(f.toString());
    }

    @Test
    void keyComesFromEnvironmentOrUserFileAndIsOnlyEverShownMasked() throws IOException {
        String key = "sk-proj-abcdefghijklmnop1234";
        Settings fromEnv = load(Map.of("OPENAI_API_KEY", key), SettingsOverrides.NONE);
        assertThat(fromEnv.llm().apiKey()).isEqualTo(key);
        assertThat(fromEnv.maskedKey()).doesNotContain("abcdefghijklmnop");
        assertThat(String.join("\n", SettingsView.describe(fromEnv))).doesNotContain(key).contains(fromEnv.maskedKey());
        assertThat(fromEnv.toString()).doesNotContain(key);

        Path f = file("llm:\n  apiKey: " + key + "\n");
        Settings fromFile = load(Map.of(), new SettingsOverrides(f, null, false, false));
        assertThat(fromFile.llm().apiKey()).isEqualTo(key);
        assertThat(warnings).isEmpty();
    }

    @Test
    void relativeDirectoriesResolveAgainstTheWorkingDirectoryAndTheLogGoesToTheStateDir() throws IOException {
        Settings s = load(Map.of(), SettingsOverrides.NONE);
        assertThat(s.transcripts().dir()).isEqualTo(dir.resolve("transcripts"));
        assertThat(s.log().dir()).isEqualTo(StateDirs.stateRoot(Map.of()));
        Path f = file("log:\n  dir: logs\n");
        assertThat(load(Map.of(), new SettingsOverrides(f, null, false, false)).log().dir()).isEqualTo(dir.resolve("logs"));
    }

    @Test
    void stateDirFollowsTheOverrideThenXdg() {
        String saved = System.getProperty(StateDirs.HOME_PROPERTY);
        try {
            System.setProperty(StateDirs.HOME_PROPERTY, dir.toString());
            assertThat(StateDirs.stateRoot(Map.of("XDG_STATE_HOME", "/x"))).isEqualTo(dir);
            System.clearProperty(StateDirs.HOME_PROPERTY);
            assertThat(StateDirs.stateRoot(Map.of("XDG_STATE_HOME", "/x"))).isEqualTo(Path.of("/x/sre-review"));
            assertThat(StateDirs.stateRoot(Map.of()).toString()).endsWith("/.local/state/sre-review");
        } finally {
            if (saved != null) {
                System.setProperty(StateDirs.HOME_PROPERTY, saved);
            }
        }
    }

    @Test
    void modelCanBeChangedForASession() {
        Settings s = load(Map.of(), SettingsOverrides.NONE);
        Settings changed = SettingsView.withModel(s, "llama3.1");
        assertThat(changed.llm().model()).isEqualTo("llama3.1");
        assertThat(changed.llm().timeout()).isEqualTo(s.llm().timeout());
    }
}
