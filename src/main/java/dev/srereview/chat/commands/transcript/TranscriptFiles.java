package dev.srereview.chat.commands.transcript;

import dev.srereview.chat.ChatContext;
import dev.srereview.transcript.SessionRecorder;
import dev.srereview.transcript.TranscriptIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the transcript commands share: where transcripts are, this session's file, the persona text, completion. */
final class TranscriptFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptFiles.class);
    private static final String PERSONA = "prompts/persona.md";

    private TranscriptFiles() {
    }

    static Path directory(ChatContext context) {
        return SessionRecorder.directory(context.settings(), context.workingDir());
    }

    /** This session's transcript (found by the session id in its header). */
    static Optional<Path> current(ChatContext context) {
        return new TranscriptIndex().findSession(directory(context), context.sessionId());
    }

    /** A FILE argument: as given (relative to the working directory), else a name inside the transcripts directory. */
    static Path resolve(ChatContext context, String arg) {
        Path given = context.workingDir().resolve(unquote(arg));
        if (Files.exists(given)) {
            return given;
        }
        Path inDir = directory(context).resolve(unquote(arg));
        return Files.exists(inDir) ? inDir : given;
    }

    static String unquote(String arg) {
        String a = arg.strip();
        if (a.length() >= 2 && (a.startsWith("\"") && a.endsWith("\"") || a.startsWith("'") && a.endsWith("'"))) {
            return a.substring(1, a.length() - 1);
        }
        return a;
    }

    /** Splits "OLD NEW" (quotes allowed around either). */
    static List<String> twoArgs(String args) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(args);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    /** Tab completes the transcript files in the transcripts directory, newest first. */
    static Completer completer(ChatContext context) {
        return (reader, line, candidates) -> {
            Path dir = directory(context);
            for (TranscriptIndex.Summary s : new TranscriptIndex().recent(dir, 50)) {
                String name = context.workingDir().relativize(s.path().toAbsolutePath()).toString();
                candidates.add(new Candidate(name, name, null, s.target(), null, null, true));
            }
        };
    }

    /** The persona prompt as shipped (prompts/persona.md in the jar), or empty when this build has none. */
    static Optional<String> persona() {
        try (InputStream in = TranscriptFiles.class.getClassLoader().getResourceAsStream(PERSONA)) {
            if (in == null) {
                LOG.debug("{} is not on the classpath: transcripts record no persona hash", PERSONA);
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot read {} from the classpath", PERSONA, e);
            return Optional.empty();
        }
    }

    static String version() {
        String v = TranscriptFiles.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
