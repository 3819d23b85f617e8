package dev.srereview.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's surroundings, passed in so tests run the whole CLI in memory.
 *
 * @param interactive true when a person is at a terminal (stdin and stdout are a tty)
 */
public record AppEnvironment(Map<String, String> env, Path workingDir, InputStream in, PrintStream out,
                             PrintStream err, boolean interactive) {
    public AppEnvironment {
        env = Map.copyOf(env);
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    public static AppEnvironment system() {
        return new AppEnvironment(System.getenv(), Path.of("").toAbsolutePath(), System.in, System.out, System.err,
                System.console() != null);
    }

    /** NO_COLOR set to anything non-empty turns colour off (no-color.org). */
    public boolean noColor() {
        String v = env.get("NO_COLOR");
        return v != null && !v.isEmpty();
    }
}
