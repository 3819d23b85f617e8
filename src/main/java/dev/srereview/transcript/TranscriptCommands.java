package dev.srereview.transcript;

import dev.srereview.render.JsonRenderer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The non-interactive {@code replay} and {@code compare} commands' whole behaviour, so the picocli classes only
 * parse arguments and call one method. Exit codes follow review-contract.md §5: 0, or 2 with one line on stderr.
 */
public final class TranscriptCommands {
    public static final int OK = 0;
    public static final int USAGE = 2;
    /** The output could not be written (a full disk): the run produced nothing the caller can use. */
    public static final int NOT_WRITTEN = 3;

    /**
     * {@code sre-review replay FILE [--format markdown|json]}: no model is called. Markdown prints the whole session
     * with each review exactly as it was shown; JSON prints the last review as the contract object, source "replay".
     * Reader warnings (a truncated last line) go to {@code err}.
     */
    public int replay(Path file, boolean json, PrintStream out, PrintStream err) {
        Transcript t = null;
        try {
            t = new TranscriptReader().read(file);
            Replayer replayer = new Replayer();
            String shown = json ? replayer.replayJson(t, new JsonRenderer()) + System.lineSeparator()
                    : replayer.replay(t, Replayer.STORED_MARKDOWN);
            // the skipped lines are worth a word only beside a replay that worked: a failure says it in its one line
            for (String w : t.warnings()) {
                err.println("sre-review: " + file + ": " + w);
            }
            out.print(shown);
            return written(out, err);
        } catch (TranscriptException e) {
            List<String> warnings = t == null ? List.of() : t.warnings();
            String why = warnings.isEmpty() ? "" : " (" + warnings.get(0)
                    + (warnings.size() > 1 ? "; " + (warnings.size() - 1) + " more line(s) skipped" : "") + ")";
            err.println("sre-review: " + e.getMessage() + why);
            return USAGE;
        }
    }

    /**
     * OK once {@code out} took every byte; otherwise one line and {@link #NOT_WRITTEN}. A PrintStream keeps write
     * errors to itself, so without asking, {@code > /dev/full} in CI would pass with nothing written.
     */
    public static int written(PrintStream out, PrintStream err) {
        out.flush();
        if (out.checkError()) {
            err.println("sre-review: cannot write to standard output (disk full, or the reader went away)");
            return NOT_WRITTEN;
        }
        return OK;
    }

    /** {@code sre-review compare OLD NEW}: each a transcript (its last review) or a JSON review. */
    public int compare(Path older, Path newer, PrintStream out, PrintStream err) {
        try {
            ReviewLoader loader = new ReviewLoader();
            Comparison c = new Comparer().compare(loader.load(older), loader.load(newer));
            out.print(c.report());
            return written(out, err);
        } catch (TranscriptException e) {
            err.println("sre-review: " + e.getMessage());
            return USAGE;
        }
    }
}
