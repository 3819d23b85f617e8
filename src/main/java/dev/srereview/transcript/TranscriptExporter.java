package dev.srereview.transcript;

import dev.srereview.render.ReviewRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * /save FILE: a copy of a transcript under another name, or, for a {@code .md} file, the session replayed as
 * markdown. The copy is owner-only like the original; an existing file is never overwritten.
 */
public final class TranscriptExporter {
    private final TranscriptReader reader = new TranscriptReader();
    private final Replayer replayer = new Replayer();

    /**
     * @param renderer how reviews are printed in a markdown export (the session's markdown renderer)
     * @return the file written
     * @throws TranscriptException when {@code target} exists or cannot be written, or {@code transcript} cannot be read
     */
    public Path export(Path transcript, Path target, ReviewRenderer renderer) {
        Transcript t = reader.read(transcript);
        boolean markdown = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
        byte[] bytes;
        try {
            bytes = markdown ? replayer.replay(t, renderer).getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(transcript);
        } catch (IOException e) {
            throw new TranscriptException("cannot read transcript " + transcript + ": " + IoReason.of(e), e);
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(target);
            }
            Files.write(target, bytes, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return target;
        } catch (FileAlreadyExistsException e) {
            throw new TranscriptException(target + " already exists: choose another name", e);
        } catch (IOException e) {
            throw new TranscriptException("cannot write " + target + ": " + IoReason.of(e), e);
        }
    }
}
