package dev.srereview.evidence.python;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JNI side of libsre-pyparser (src/main/native/pyparser.c): tree-sitter's core and Python grammar compiled
 * with -O2 at build time, returning each file's named-node tree in one call. The build skips the library where it
 * cannot compile it; {@link #status()} then says why, and {@link TreeParsers} falls back to the Java binding.
 */
final class NativePython {
    private static final Logger LOG = LoggerFactory.getLogger(NativePython.class);

    /**
     * Ints per node record: symbol, field id, start byte, end byte, parent record index (-1 for the root), start
     * row, end row (of the last byte), named-child count.
     */
    static final int RECORD = 8;

    private static final java.util.concurrent.atomic.AtomicBoolean LOAD_STARTED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private NativePython() {
    }

    /** Whether the library is loaded, and if not, why. */
    record Status(boolean loaded, String detail) {
    }

    /**
     * Loaded once per JVM on first use (a native library binds to one class loader, so this is JVM state by
     * nature, not a design choice); never throws.
     */
    static Status status() {
        return Holder.STATUS;
    }

    /**
     * Starts loading the library on a daemon thread, so that it overlaps other work; {@link #status()} then waits
     * for it (the JVM's class initialisation lock) only if it has not finished.
     */
    static void loadInBackground() {
        if (LOAD_STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(NativePython::status, "pyparser-load");
            t.setDaemon(true);
            t.start();
        }
    }

    static native long newParser();

    static native void deleteParser(long handle);

    /**
     * The tree as {@link #RECORD}-int records in pre-order after one int holding their count; byte offsets index
     * {@code utf8}. Written into {@code into} when it is long enough (and {@code into} returned), else into a new
     * array.
     */
    static native int[] parse(long handle, byte[] utf8, int[] into);

    /** Symbol names by symbol id, or field names by field id (index 0, "no field", is null). */
    static native String[] names(boolean fields);

    private static final class Holder {
        private static final Status STATUS = load();

        private Holder() {
        }
    }

    static String resourcePath() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return "/native/" + (os.startsWith("linux") ? "linux" : os.replace(' ', '_')) + "-" + cpu
                + "/libsre-pyparser.so";
    }

    private static Status load() {
        String resource = resourcePath();
        URL url = NativePython.class.getResource(resource);
        if (url == null) {
            return new Status(false, "not built for this platform (" + resource + " missing)");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                System.load(Path.of(url.toURI()).toString());
            } else {
                loadFromJar(url);
            }
            long probe = newParser();
            if (probe == 0) {
                return new Status(false, "grammar rejected by the tree-sitter core (ABI mismatch)");
            }
            deleteParser(probe);
            return new Status(true, "tree-sitter built with -O2 (" + resource + ")");
        } catch (IOException | URISyntaxException | LinkageError | RuntimeException e) {
            LOG.warn("native Python parser {} could not be loaded: {}", resource, e.toString());
            return new Status(false, "could not load " + resource + ": " + e.getMessage());
        }
    }

    /**
     * A library inside a jar is copied to a fresh owner-only temporary file, loaded, and the file removed at
     * once (the mapping outlives the name), so nothing shared is trusted. The load runs on a daemon thread that a
     * quick exit abandons mid-way: the exit then removes the file instead (deleteOnExit).
     */
    private static void loadFromJar(URL url) throws IOException {
        Path tmp = Files.createTempFile("sre-pyparser-", ".so");
        tmp.toFile().deleteOnExit();
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            System.load(tmp.toAbsolutePath().toString());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
