package dev.srereview.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Layers the settings, later wins: the shipped {@code config/defaults.yaml} &lt; a user file
 * ({@code --config FILE} or {@code SRE_REVIEW_CONFIG}) &lt; environment variables &lt; flags.
 * Unknown keys in a user file are reported to {@code warnings} by name and file; invalid values
 * stop with a {@link SettingsException} naming the key, the value and where it came from.
 */
public final class SettingsLoader {
    static final String DEFAULTS_RESOURCE = "config/defaults.yaml";
    static final String DEFAULTS_SOURCE = "config/defaults.yaml (shipped)";
    /** Allowed in a user file (never in the shipped defaults): the key belongs to the user. */
    static final String API_KEY = "llm.apiKey";

    /** Environment variable → settings key. Empty values count as unset (CI often exports VAR=). */
    private static final Map<String, String> ENV_KEYS = Map.of(
            "OPENAI_API_KEY", API_KEY,
            "OPENAI_BASE_URL", "llm.baseUrl",
            "SRE_REVIEW_MODEL", "llm.model");

    private final Map<String, String> env;
    private final Path workingDir;
    private final Consumer<String> warnings;

    /**
     * @param env        the process environment (tests pass their own)
     * @param workingDir relative paths (transcripts.dir, log.dir, --config) resolve against it
     * @param warnings   receives one line per unknown key
     */
    public SettingsLoader(Map<String, String> env, Path workingDir, Consumer<String> warnings) {
        this.env = Map.copyOf(env);
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.warnings = warnings;
    }

    public Settings load(SettingsOverrides flags) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, SettingValue> values = new LinkedHashMap<>(readDefaults(yaml));
        Set<String> known = Set.copyOf(values.keySet());
        userFile(flags).ifPresent(file -> readUserFile(yaml, file, known, values));
        ENV_KEYS.forEach((var, key) -> {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                values.put(key, new SettingValue(v.trim(), "environment variable " + var));
            }
        });
        if (flags.model() != null) {
            values.put("llm.model", new SettingValue(flags.model(), "--model"));
        }
        if (flags.offline()) {
            values.put("review.offline", new SettingValue("true", "--offline"));
        }
        if (flags.verbose()) {
            values.put("log.level", new SettingValue("DEBUG", "--verbose"));
        }
        return new SettingsBuilder(values, workingDir, StateDirs.stateRoot(env)).build();
    }

    private java.util.Optional<Path> userFile(SettingsOverrides flags) {
        if (flags.configFile() != null) {
            return java.util.Optional.of(workingDir.resolve(flags.configFile()).normalize());
        }
        String fromEnv = env.get("SRE_REVIEW_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return java.util.Optional.of(workingDir.resolve(fromEnv.trim()).normalize());
        }
        return java.util.Optional.empty();
    }

    private Map<String, SettingValue> readDefaults(ObjectMapper yaml) {
        try (InputStream in = SettingsLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new SettingsException("the shipped " + DEFAULTS_RESOURCE + " is missing from the jar: rebuild it");
            }
            Map<String, SettingValue> out = new LinkedHashMap<>();
            flatten("", yaml.readTree(in), DEFAULTS_SOURCE, out);
            return out;
        } catch (IOException e) {
            throw new SettingsException("cannot read the shipped " + DEFAULTS_RESOURCE + ": " + firstLine(e), e);
        }
    }

    private void readUserFile(ObjectMapper yaml, Path file, Set<String> known, Map<String, SettingValue> values) {
        if (Files.isDirectory(file)) {
            throw new SettingsException("settings file " + file + " is a directory: name a YAML file");
        }
        if (!Files.isRegularFile(file)) {
            throw new SettingsException("settings file not found: " + file);
        }
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + file + ": " + firstLine(e), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return; // an empty file changes nothing
        }
        if (!root.isObject()) {
            throw new SettingsException("settings file " + file + " is not a YAML mapping of keys (see config/defaults.yaml)");
        }
        Map<String, SettingValue> fromFile = new LinkedHashMap<>();
        flatten("", root, file.toString(), fromFile);
        fromFile.forEach((key, value) -> {
            if (known.contains(key) || key.equals(API_KEY)) {
                values.put(key, value);
            } else {
                warnings.accept("sre-review: warning: unknown setting '" + key + "' in " + file + " (ignored)");
            }
        });
    }

    private static void flatten(String prefix, JsonNode node, String source, Map<String, SettingValue> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), source, out);
            }
        } else if (!prefix.isEmpty()) {
            String text = node.isNull() ? "" : node.isValueNode() ? node.asText() : node.toString();
            out.put(prefix, new SettingValue(text, source));
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
