package dev.srereview.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends a session's events to a JSON Lines file as each one completes: one line, written whole, then forced
 * to disk, so a killed process loses at most the turn in flight. The file is created owner-only (rw-------)
 * and never purged. Thread-safe: the REPL and a cancelled request's thread may both record.
 */
public final class TranscriptWriter implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptWriter.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss", Locale.ROOT);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final int MAX_SLUG = 48;

    private final Path path;
    private final FileChannel channel;
    private final ObjectWriter json;
    private final ObjectMapper mapper;
    private final TranscriptScrubber scrubber;
    private final TranscriptEvent.Header header;
    private boolean broken;

    private TranscriptWriter(Path path, FileChannel channel, TranscriptScrubber scrubber, TranscriptEvent.Header header) {
        this.path = path;
        this.channel = channel;
        this.mapper = TranscriptJson.mapper();
        this.json = mapper.writerFor(TranscriptEvent.class);
        this.scrubber = scrubber;
        this.header = header;
    }

    /**
     * Creates a new transcript in {@code dir} (made owner-only when it does not exist), named by the header's
     * start time and {@code target}, e.g. {@code 2026-11-27T16-40-05_my-model-service.jsonl}, and writes the
     * header line.
     *
     * @param zone the zone the file name's time is written in (the user's, so they recognise it)
     * @throws TranscriptException when the directory or file cannot be created (one line)
     */
    public static TranscriptWriter create(Path dir, String target, TranscriptEvent.Header header,
                                          TranscriptScrubber scrubber, ZoneId zone) {
        String base = NAME_TIME.format(header.at().atZone(zone)) + "_" + slug(target);
        try {
            createDirectories(dir);
            for (int n = 1; ; n++) {
                Path candidate = dir.resolve(base + (n == 1 ? "" : "-" + n) + ".jsonl");
                try {
                    TranscriptWriter writer = new TranscriptWriter(candidate, open(candidate), scrubber, header);
                    writer.append(header);
                    LOG.info("transcript {} started (session {})", candidate, header.sessionId());
                    return writer;
                } catch (FileAlreadyExistsException e) {
                    // Two sessions started in the same second on the same target: take the next suffix.
                    LOG.debug("transcript name {} taken, trying the next", candidate);
                }
            }
        } catch (IOException e) {
            throw new TranscriptException("cannot create a transcript in " + dir + ": " + IoReason.of(e), e);
        }
    }

    /**
     * Opens an existing transcript to append more events (e.g. /resume recording into the running session's file
     * from another component). A last line cut by a kill is terminated first so the next event starts clean.
     *
     * @throws TranscriptException when the file is not a readable transcript or cannot be opened for append
     */
    public static TranscriptWriter reopen(Path file, TranscriptScrubber scrubber) {
        TranscriptEvent.Header header = new TranscriptReader().read(file).header();
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            TranscriptWriter writer = new TranscriptWriter(file, ch, scrubber, header);
            if (!endsWithNewline(file)) {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
            return writer;
        } catch (IOException e) {
            throw new TranscriptException("cannot append to transcript " + file + ": " + IoReason.of(e), e);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    /** The file being written (printed when the session starts and on /save). */
    public Path path() {
        return path;
    }

    public TranscriptEvent.Header header() {
        return header;
    }

    /**
     * Scrubs, writes and forces one event. After a write fails the transcript is marked broken: that failure
     * is thrown once (one line, for the user), later events are skipped so a half line is never followed by more.
     */
    public synchronized void append(TranscriptEvent event) {
        if (broken) {
            LOG.debug("transcript {} is broken after an earlier failure; {} not written", path, event.getClass().getSimpleName());
            return;
        }
        byte[] line = line(event);
        try {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(true);
        } catch (IOException e) {
            broken = true;
            LOG.warn("transcript {} write failed; the session goes on unrecorded", path, e);
            throw new TranscriptException("transcript " + path + " could not be written (" + IoReason.of(e)
                    + "): the rest of this session is not saved", e);
        }
    }

    /** The event as it would be written: scrubbed JSON and a newline. */
    byte[] line(TranscriptEvent event) {
        try {
            JsonNode tree = mapper.readTree(json.writeValueAsString(event));
            return (mapper.writeValueAsString(scrubber.scrub(tree)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("transcript event cannot be serialised: " + event.getClass().getSimpleName(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing transcript {} failed", path, e);
        }
    }

    /** The target as a file-name part: its last path element, lower-case, [a-z0-9._-] only. */
    static String slug(String target) {
        String name = target == null ? "" : target.strip().replace('\\', '/');
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            Path cwd = Path.of("").toAbsolutePath().getFileName();
            name = cwd == null ? "" : cwd.toString();
        }
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        if (name.length() > MAX_SLUG) {
            name = name.substring(0, MAX_SLUG);
        }
        return name.isEmpty() ? "session" : name;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileAttribute<?>[] attrs = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        FileChannel ch = FileChannel.open(file, options, attrs);
        if (posix()) {
            // The umask can only remove bits, but a shared filesystem may ignore the create-time attribute.
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
        return ch;
    }
}
