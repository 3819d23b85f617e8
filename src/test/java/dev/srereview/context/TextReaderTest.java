package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReaderTest {
    @TempDir
    Path tmp;

    private TextReader.Text read(byte[] bytes, long maxFileBytes, int maxLineChars) throws IOException {
        Path p = Files.write(tmp.resolve("f"), bytes);
        return new TextReader(maxFileBytes, maxLineChars).read(p, bytes.length);
    }

    @Test
    void utf8ByteOrderMarkIsDropped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', (byte) 0xC3, (byte) 0xA9, '\n'};
        assertThat(read(bom, 1000, 100).content()).isEqualTo("h\u00e9\n");
    }

    @Test
    void aCapInsideAMultiByteCharacterNeverSplitsIt() throws IOException {
        byte[] text = "\u00e9\u00e9\u00e9\u00e9\u00e9".getBytes(StandardCharsets.UTF_8); // 10 bytes, no newline
        TextReader.Text t = read(text, 5, 100);
        assertThat(t.truncated()).isTrue();
        assertThat(t.content()).isEqualTo("\u00e9\u00e9");
    }

    @Test
    void aCapDropsThePartialLastLine() throws IOException {
        TextReader.Text t = read("one\ntwo\nthree\n".getBytes(StandardCharsets.US_ASCII), 10, 100);
        assertThat(t.content()).isEqualTo("one\ntwo\n");
        assertThat(t.truncated()).isTrue();
    }

    @Test
    void nulAfterTheProbeIsNotBinary() throws IOException {
        byte[] b = new byte[TextReader.BINARY_PROBE_BYTES + 10];
        java.util.Arrays.fill(b, (byte) 'a');
        b[b.length - 2] = 0;
        assertThat(read(b, 1 << 20, 1 << 20).binary()).isFalse();
        b[10] = 0;
        assertThat(read(b, 1 << 20, 1 << 20).binary()).isTrue();
    }

    @Test
    void asciiFilesCarryTheirNeedleHits() throws IOException {
        TextReader.Text t = read("password = 'x'\n".getBytes(StandardCharsets.US_ASCII), 1000, 100);
        assertThat(t.hits()).isNotNull();
        assertThat(t.hits().size()).isPositive();
        TextReader.Text latin = read("caf\u00e9 password\n".getBytes(StandardCharsets.ISO_8859_1), 1000, 100);
        assertThat(latin.hits()).as("offsets of a non-ASCII file are found again on the decoded text").isNull();
    }
}
