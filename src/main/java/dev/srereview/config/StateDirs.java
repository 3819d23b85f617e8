package dev.srereview.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's state directory (history, logs): {@code $XDG_STATE_HOME/sre-review}, else
 * {@code ~/.local/state/sre-review}. The system property {@code sre.review.home} overrides the root
 * (tests point it under target/ so they never touch the developer's home).
 */
public final class StateDirs {
    public static final String HOME_PROPERTY = "sre.review.home";

    private StateDirs() {
    }

    public static Path stateRoot(Map<String, String> env) {
        String override = System.getProperty(HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "sre-review");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "sre-review");
    }

    public static Path historyFile(Map<String, String> env) {
        return stateRoot(env).resolve("history");
    }
}
