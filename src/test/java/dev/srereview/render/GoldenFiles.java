package dev.srereview.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with {@code src/test/resources/golden/NAME}. Run with {@code -Dgolden.update=true} to
 * rewrite the files after an intended change (then review the diff).
 */
final class GoldenFiles {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private GoldenFiles() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s exists (create it with -Dgolden.update=true)", file).exists();
        assertThat(actual).as("golden file %s (rerun with -Dgolden.update=true after an intended change)", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
