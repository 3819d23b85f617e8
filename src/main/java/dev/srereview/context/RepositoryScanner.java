package dev.srereview.context;

import dev.srereview.config.Settings;
import java.nio.file.Path;

/** Walks the target and builds the immutable {@link RepoSnapshot} (skeleton: the context stage builds it). */
public final class RepositoryScanner {
    private final Settings.ContextSettings settings;
    private final Redactor redactor;

    public RepositoryScanner(Settings.ContextSettings settings, Redactor redactor) {
        this.settings = settings;
        this.redactor = redactor;
    }

    /** @throws ScanException one line for the user when the path is missing, a file, unreadable or empty */
    public RepoSnapshot scan(Path root, String target, ScanProgress progress) {
        throw new ScanException("scanning is not built yet (" + settings.maxFileBytes() + ", " + redactor + ")");
    }
}
