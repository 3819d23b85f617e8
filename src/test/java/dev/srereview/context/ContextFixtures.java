package dev.srereview.context;

import dev.srereview.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies a fixture repository from src/test/resources/fixtures into a temp directory, giving files their
 * real names there: a real .gitignore inside this repository's tree would be applied by git itself, and a
 * real .env would be ignored by most tooling, so fixtures store them as gitignore.txt, dot-env.txt, ...
 */
public final class ContextFixtures {
    private static final Map<String, String> RENAMES = Map.of(
            "gitignore.txt", ".gitignore",
            "sre-reviewignore.txt", RepositoryScanner.TOOL_IGNORE_FILE,
            "dot-env.txt", ".env");

    private ContextFixtures() {
    }

    public static Path copy(String fixture, Path dest) {
        URL url = ContextFixtures.class.getResource("/fixtures/" + fixture);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + fixture);
        }
        try {
            Path src = Path.of(url.toURI());
            try (Stream<Path> all = Files.walk(src)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Path rel = src.relativize(p);
                    String name = p.getFileName().toString();
                    Path target = dest.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target.resolveSibling(RENAMES.getOrDefault(name, name)));
                    }
                }
            }
            return dest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shipped defaults' context settings (config/defaults.yaml), with a chosen budget. */
    public static Settings.ContextSettings settings() {
        return new Settings.ContextSettings(24000, 262144, 2000, 0.00015, 0.05, "o200k_base");
    }

    public static Settings.ContextSettings settings(long maxFileBytes, int maxLineChars) {
        return new Settings.ContextSettings(24000, maxFileBytes, maxLineChars, 0.00015, 0.05, "o200k_base");
    }

    public static RepoSnapshot scan(Path root) {
        return new RepositoryScanner(settings(), new Redactor()).scan(root, root.getFileName().toString(),
                ScanProgress.NONE);
    }
}
