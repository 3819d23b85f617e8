package dev.srereview.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's state directory (history, logs): {@code $XDG_STATE_HOME/sre-review}, else
 * {@code $HOME/.local/state/sre-review}. The system property {@code sre.review.home} overrides the root
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
        return home(env).resolve(".local").resolve("state").resolve("sre-review");
    }

    /**
     * {@code $HOME} when it is set to an absolute path, as a shell's {@code ~} is; else the JVM's user.home (which
     * comes from the password database, not the environment, so it would ignore {@code HOME=/tmp/x sre-review}).
     */
    static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"));
    }

    public static Path historyFile(Map<String, String> env) {
        return stateRoot(env).resolve("history");
    }
}
