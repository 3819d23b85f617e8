package dev.srereview.context;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Decisions made from a name alone: directories always skipped, artifacts, files known to be binary. */
final class PathRules {
    /** A .csv at least this large is data, recorded as an artifact rather than read. */
    static final long LARGE_CSV_BYTES = 1L << 20;

    private static final Map<String, String> SKIPPED_DIRS = Map.ofEntries(
            Map.entry(".git", "version control"), Map.entry(".hg", "version control"),
            Map.entry(".svn", "version control"), Map.entry(".bzr", "version control"),
            Map.entry("node_modules", "dependencies"), Map.entry("bower_components", "dependencies"),
            Map.entry("site-packages", "installed packages"), Map.entry("dist-packages", "installed packages"),
            Map.entry(".conda", "virtual environment"), Map.entry(".tox", "virtual environment"),
            Map.entry(".nox", "virtual environment"),
            Map.entry("__pycache__", "cache"), Map.entry(".ipynb_checkpoints", "cache"),
            Map.entry(".mypy_cache", "cache"), Map.entry(".pytest_cache", "cache"),
            Map.entry(".ruff_cache", "cache"), Map.entry(".hypothesis", "cache"), Map.entry(".cache", "cache"),
            Map.entry(".gradle", "cache"), Map.entry(".terraform", "cache"), Map.entry(".eggs", "build output"),
            Map.entry(".next", "build output"), Map.entry(".nuxt", "build output"),
            Map.entry(".idea", "editor settings"),
            Map.entry("wandb", "experiment logs"), Map.entry("mlruns", "experiment logs"),
            Map.entry("lightning_logs", "experiment logs"));

    private static final Map<String, String> ARTIFACT_KINDS = Map.ofEntries(
            Map.entry("pt", "model"), Map.entry("pth", "model"), Map.entry("bin", "model"),
            Map.entry("safetensors", "model"), Map.entry("onnx", "model"), Map.entry("h5", "model"),
            Map.entry("hdf5", "model"), Map.entry("keras", "model"), Map.entry("ckpt", "model"),
            Map.entry("gguf", "model"), Map.entry("ggml", "model"), Map.entry("tflite", "model"),
            Map.entry("mar", "model"), Map.entry("mlmodel", "model"), Map.entry("pb", "model"),
            Map.entry("pkl", "model"), Map.entry("pickle", "model"), Map.entry("joblib", "model"),
            Map.entry("npy", "data"), Map.entry("npz", "data"), Map.entry("parquet", "data"),
            Map.entry("tfrecord", "data"), Map.entry("tfrecords", "data"), Map.entry("feather", "data"),
            Map.entry("arrow", "data"), Map.entry("avro", "data"), Map.entry("orc", "data"));

    private static final Set<String> BINARY_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff", "psd", "pdf", "zip", "gz", "tgz",
            "bz2", "xz", "zst", "7z", "rar", "tar", "whl", "egg", "jar", "war", "class", "so", "dylib", "dll",
            "exe", "o", "a", "pyc", "pyo", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "wav", "flac",
            "avi", "mov", "mkv", "webm", "ogg", "db", "sqlite", "sqlite3", "lmdb", "xlsx", "xls", "docx",
            "pptx", "dat", "wasm");

    private PathRules() {
    }

    /** Why a directory with this name is never walked, or null. */
    static String skippedDirReason(String name) {
        String r = SKIPPED_DIRS.get(name);
        if (r != null) {
            return r;
        }
        if (name.endsWith(".egg-info")) {
            return "build output";
        }
        return null;
    }

    /** "model" or "data" when the file is recorded as an artifact (size only), else null. */
    static String artifactKind(String name, long size) {
        String ext = extension(name);
        String kind = ARTIFACT_KINDS.get(ext);
        if (kind != null) {
            return kind;
        }
        if ((ext.equals("csv") || ext.equals("tsv") || ext.equals("jsonl")) && size >= LARGE_CSV_BYTES) {
            return "data";
        }
        return null;
    }

    static boolean knownBinary(String name) {
        return BINARY_EXTENSIONS.contains(extension(name));
    }

    static boolean isNotebook(String name) {
        return name.endsWith(".ipynb");
    }

    /** Lower-case extension without the dot, "" when none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
