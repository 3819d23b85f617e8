package dev.srereview.context;

import dev.srereview.config.Settings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the target and builds the immutable {@link RepoSnapshot}: text files read under the caps,
 * classified and redacted; weights and data recorded as artifacts by size; everything else left out
 * with a reason. Honours .gitignore files (nested too) and {@value #TOOL_IGNORE_FILE}; never follows a
 * symbolic link out of the root. Directories are walked and files read on a work-stealing pool sized to
 * the machine's cores, so cost grows with the number of files, not with artifact bytes.
 */
public final class RepositoryScanner {
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryScanner.class);
    /** A gitignore-syntax file at any level of the tree, for paths the tool should skip but git keeps. */
    public static final String TOOL_IGNORE_FILE = ".sre-reviewignore";

    private final Settings.ContextSettings settings;
    private final Redactor redactor;

    public RepositoryScanner(Settings.ContextSettings settings, Redactor redactor) {
        this.settings = settings;
        this.redactor = redactor;
    }

    /** @throws ScanException one line for the user when the path is missing, a file, unreadable or empty */
    public RepoSnapshot scan(Path root, String target, ScanProgress progress) {
        long started = System.nanoTime();
        String shown = target == null || target.isBlank() ? String.valueOf(root) : target;
        Path real = open(root, shown);
        ScanWalk walk = new ScanWalk(real, new TextReader(settings.maxFileBytes(), settings.maxLineChars()),
                redactor, progress == null ? ScanProgress.NONE : progress);
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.invoke(walk.rootTask());
        } finally {
            pool.shutdown();
        }
        List<SourceFile> files = walk.files().stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        List<Artifact> artifacts = walk.artifacts().stream().sorted(Comparator.comparing(Artifact::path)).toList();
        List<LeftOut> leftOut = walk.leftOut().stream().sorted(Comparator.comparing(LeftOut::path)).toList();
        if (files.isEmpty()) {
            if (artifacts.isEmpty() && leftOut.isEmpty()) {
                throw new ScanException(shown + " is empty: there is nothing to review");
            }
            throw new ScanException(shown + " has no readable text files to review (" + artifacts.size()
                    + " artifacts, " + leftOut.size() + " paths left out)");
        }
        int withSecrets = (int) files.stream().filter(f -> !f.redactions().isEmpty()).count();
        int secrets = files.stream().mapToInt(f -> f.redactions().size()).sum();
        long leftOutFiles = leftOut.stream().filter(l -> !l.path().endsWith("/")).count();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        ScanStats stats = new ScanStats((int) (files.size() + artifacts.size() + leftOutFiles), files.size(),
                artifacts.size(), secrets, withSecrets, elapsedMs);
        progress = progress == null ? ScanProgress.NONE : progress;
        progress.filesSeen(stats.filesScanned());
        LOG.info("Scanned {}: {} files read, {} artifacts, {} left out, {} secrets redacted in {} files, {} ms",
                shown, files.size(), artifacts.size(), leftOut.size(), secrets, withSecrets, elapsedMs);
        List<IgnoredSecret> ignoredSecrets = walk.ignoredSecrets().stream()
                .sorted(Comparator.comparing(IgnoredSecret::path).thenComparingInt(IgnoredSecret::line)).toList();
        return new RepoSnapshot(real, shown, files, artifacts, leftOut, stats, ignoredSecrets);
    }

    /** Checks the target and resolves it to its real path (the root itself may be a link). */
    private static Path open(Path root, String shown) {
        if (root == null) {
            throw new ScanException("no path given to review");
        }
        if (!Files.exists(root)) {
            throw new ScanException(shown + ": no such directory");
        }
        if (Files.isRegularFile(root)) {
            throw new ScanException(shown + " is a file, not a directory: give the repository's directory");
        }
        if (!Files.isDirectory(root)) {
            throw new ScanException(shown + " is not a directory");
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            throw new ScanException(shown + ": permission denied (cannot list the directory)");
        }
        try {
            Path real = root.toRealPath();
            try (var entries = Files.newDirectoryStream(real)) {
                if (!entries.iterator().hasNext()) {
                    throw new ScanException(shown + " is empty: there is nothing to review");
                }
            }
            return real;
        } catch (AccessDeniedException e) {
            throw new ScanException(shown + ": permission denied (cannot list the directory)", e);
        } catch (IOException e) {
            throw new ScanException("cannot open " + shown + ": " + e.getMessage(), e);
        }
    }
}
