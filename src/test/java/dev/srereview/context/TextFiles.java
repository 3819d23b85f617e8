package dev.srereview.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test helper: every UTF-8 text file under some roots (binary and non-UTF-8 files skipped), path to content. */
public final class TextFiles {
    private TextFiles() {
    }

    public static Map<Path, String> under(Path... roots) {
        Map<Path, String> out = new LinkedHashMap<>();
        for (Path root : roots) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path f : files) {
                try {
                    out.put(f, Files.readString(f));
                } catch (MalformedInputException notText) {
                    // a binary or non-UTF-8 fixture: not text to compare
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
