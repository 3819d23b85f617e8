package dev.srereview.chat;

import dev.srereview.config.SettingsException;
import dev.srereview.context.ScanException;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.LlmException;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.ReviewRun;
import dev.srereview.review.ReviewUnavailableException;
import dev.srereview.review.Source;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /review-deployment: runs the review with a progress line and Ctrl-C, then shows the validated review. */
final class ReviewAction {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewAction.class);

    private final ChatSession session;
    private final ChatServices services;
    private final boolean color;

    ReviewAction(ChatSession session, ChatServices services, boolean color) {
        this.session = session;
        this.services = services;
        this.color = color;
    }

    /** @return the finished run, or null when there is none (error, cancel: already told to the user) */
    ReviewRun run(String argument) {
        PrintWriter out = session.out();
        String target = argument.isBlank() ? "." : unquote(argument.strip());
        Path root;
        try {
            root = resolve(target);
        } catch (InvalidPathException e) {
            return fail("cannot review " + target + ": not a usable path");
        }
        if (!java.nio.file.Files.isDirectory(root)) {
            return fail("cannot review " + target + ": " + (java.nio.file.Files.exists(root)
                    ? "not a directory (review a repository's root directory)" : "no such directory"));
        }
        Terminal terminal = session.terminal();
        CancelToken cancel = new CancelToken();
        ReviewRun run;
        ProgressLine progress = new ProgressLine(terminal, TerminalFactory.isLive(terminal), this::confirm, !color);
        LOG.info("review requested: target={}", target);
        try (Interrupts interrupts = Interrupts.cancelOnCtrlC(terminal, cancel); progress) {
            progress.start();
            run = services.review(session.settings(), root, target, progress, cancel);
        } catch (ScanException e) {
            return fail("cannot review " + target + ": " + e.getMessage());
        } catch (SettingsException e) {
            return fail(e.getMessage());
        } catch (ReviewUnavailableException e) {
            return fail("no review: " + e.getMessage());
        } catch (LlmException e) {
            if (e.kind() == LlmException.Kind.CANCELLED || cancel.isCancelled()) {
                session.counters().cancelled.incrementAndGet();
                out.println("review cancelled.");
                out.flush();
                session.notifyListeners(l -> l.cancelled("review"));
                return null;
            }
            return fail(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("review of {} failed", target, e);
            return fail("the review failed: " + e.getMessage() + session.logPointer());
        }
        ReviewOutcome outcome = run.outcome();
        count(outcome);
        // The terminal renderer's banner says why a review is offline: not said twice.
        out.println(services.terminalRenderer(TerminalFactory.width(terminal), color).render(outcome));
        out.println("Ask a follow-up question, or /help.");
        out.flush();
        return run;
    }

    private void count(ReviewOutcome outcome) {
        SessionCounters c = session.counters();
        c.reviews.incrementAndGet();
        if (outcome.source() == Source.LLM) {
            c.llmReviews.incrementAndGet();
        } else {
            c.offlineReviews.incrementAndGet();
        }
        // Offline by choice (no key, --offline) is not a fallback; an LLM that failed is.
        if (outcome.fallbackReason() != null && session.llmAvailable()) {
            c.fallbacks.incrementAndGet();
        }
    }

    private boolean confirm(int promptTokens, double usd) {
        String question = String.format(Locale.ROOT,
                "This review sends about %,d tokens (about $%.2f). Send it? [y/N] ", promptTokens, usd);
        try {
            String answer = session.reader().readLine(question);
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (UserInterruptException | EndOfFileException e) {
            LOG.debug("send not confirmed ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    private Path resolve(String target) {
        String home = System.getProperty("user.home");
        if (target.equals("~") || target.startsWith("~/")) {
            return Path.of(home + target.substring(1)).normalize();
        }
        return session.workingDir().resolve(target).normalize();
    }

    private ReviewRun fail(String line) {
        session.out().println(line);
        session.out().flush();
        session.notifyListeners(l -> l.failed(line));
        return null;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
