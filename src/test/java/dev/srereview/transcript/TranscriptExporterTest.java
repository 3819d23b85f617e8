package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.srereview.render.MarkdownRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptExporterTest {
    private static final Path V1 = Path.of("src/test/resources/transcripts/v1-session.jsonl");

    @TempDir
    Path dir;

    @Test
    void savesACopyOrMarkdownOwnerOnlyAndNeverOverwrites() throws Exception {
        TranscriptExporter exporter = new TranscriptExporter();
        Path copy = exporter.export(V1, dir.resolve("keep/session.jsonl"), new MarkdownRenderer());
        Path md = exporter.export(V1, dir.resolve("session.md"), new MarkdownRenderer());

        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(V1));
        assertThat(Files.readString(md)).isEqualTo(Files.readString(Path.of("src/test/resources/transcripts/v1-session.replay.md")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(md))).isEqualTo("rw-------");
        assertThatThrownBy(() -> exporter.export(V1, md, new MarkdownRenderer())).isInstanceOf(TranscriptException.class)
                .hasMessage(md + " already exists: choose another name");
        assertThat(Files.readString(md)).startsWith("# sre-review session");
    }
}
