package dev.srereview.context;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a text file under the per-file and per-line caps: at most {@code maxFileBytes} are read, whatever
 * the file's size, so a 30 MB minified line costs one capped read. NUL bytes in the first 8 KB mean binary.
 * UTF-8 when the bytes are valid UTF-8, Latin-1 otherwise (every byte sequence decodes, nothing is lost).
 */
final class TextReader {
    static final int BINARY_PROBE_BYTES = 8192;

    /**
     * @param binary true when the file was not decoded (content is then empty)
     * @param hits   the {@link Needles} hits of {@code content}, or null when they must be found again
     */
    record Text(String content, boolean truncated, boolean binary, Needles.Hits hits, boolean longLines) {
        Text(String content, boolean truncated, boolean binary) {
            this(content, truncated, binary, null, false);
        }
    }

    /** Largest read buffer a scan thread keeps between files; a bigger read gets a one-off buffer. */
    private static final int KEPT_BUFFER_BYTES = 1 << 20;

    private final long maxFileBytes;
    private final int maxLineChars;
    /**
     * One read buffer per scan thread, reused for every file: the bytes are copied into the String anyway, and
     * a fresh buffer per file doubled what a scan allocates (and what the young collections had to sweep).
     */
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    TextReader(long maxFileBytes, int maxLineChars) {
        this.maxFileBytes = Math.max(1, maxFileBytes);
        this.maxLineChars = Math.max(16, maxLineChars);
    }

    Text read(Path file, long size) throws IOException {
        int want = (int) Math.min(Math.max(size, 0), Math.min(maxFileBytes, Integer.MAX_VALUE - 16));
        byte[] buf = buffer(want);
        int n = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, want);
            while (bb.hasRemaining()) {
                if (ch.read(bb) < 0) {
                    break;
                }
            }
            n = bb.position();
        }
        // One pass over the bytes: NUL in the probe (binary), all-ASCII (fast decoding), longest line, and the
        // needles (valid as character offsets when the file is ASCII). Written out here, not called, because
        // it is the hottest loop of a scan and the launcher's JIT (C1) does not fuse passes.
        int probe = Math.min(n, BINARY_PROBE_BYTES);
        boolean ascii = true;
        int lineStart = 0;
        int longest = 0;
        Needles.Hits hits = new Needles.Hits();
        int[] step = Needles.STEP;
        int v = 0;
        for (int i = 0; i < n; i++) {
            byte b = buf[i];
            v = step[(v >>> 1) | (b & 0x7f)];
            if ((v & 1) != 0) {
                hits.addAll(Needles.OUTPUT[v >>> 8], i);
            }
            if (b <= '\n') { // one compare for the common case: newline, tab, NUL and non-ASCII are all below
                if (b == '\n') {
                    longest = Math.max(longest, i - lineStart);
                    lineStart = i + 1;
                } else if (b <= 0) {
                    if (b == 0 && i < probe) {
                        return new Text("", false, true);
                    }
                    ascii &= b == 0;
                }
            }
        }
        longest = Math.max(longest, n - lineStart);
        boolean truncated = size > maxFileBytes;
        if (truncated) {
            n = cutAtLineEnd(buf, n);
            hits.truncate(n);
        }
        String text = decode(buf, n, ascii);
        // A line of at most maxLineChars bytes has at most as many characters: no need to look again.
        if (longest <= maxLineChars) {
            return new Text(text, truncated, false, ascii ? hits : null, false);
        }
        // Lines over the cap are cut only after redaction (capLines): cut first, a private key or token that runs
        // past the cut would lose the end its detector needs, and its first part would be sent.
        return new Text(text, truncated, false, ascii ? hits : null, true);
    }

    private byte[] buffer(int want) {
        byte[] buf = buffers.get();
        if (buf.length >= want) {
            return buf;
        }
        if (want > KEPT_BUFFER_BYTES) {
            return new byte[want];
        }
        buf = new byte[Math.min(KEPT_BUFFER_BYTES, Math.max(want, buf.length * 2))];
        buffers.set(buf);
        return buf;
    }

    /**
     * Applies the per-file (in chars) and per-line caps to text that did not come straight from disk
     * (a notebook's code cells).
     */
    Text cap(String text) {
        boolean cut = false;
        if (text.length() > maxFileBytes) {
            int end = text.lastIndexOf('\n', (int) maxFileBytes);
            text = text.substring(0, end > 0 ? end + 1 : (int) maxFileBytes);
            cut = true;
        }
        return new Text(text, cut, false, null, true);
    }

    /** Drops a partial last line after a capped read (and with it any split UTF-8 sequence). */
    private static int cutAtLineEnd(byte[] buf, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        // One long line: back off to a UTF-8 character boundary.
        int end = n;
        while (end > 0 && (buf[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (buf[end - 1] & 0x80) != 0) {
            end--;
        }
        return end == 0 ? n : end;
    }

    private static String decode(byte[] buf, int n, boolean ascii) {
        int start = 0;
        if (n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            start = 3; // UTF-8 byte order mark
        }
        if (ascii) {
            // Latin-1 decodes ASCII identically and is the JDK's fastest path (compact strings).
            return new String(buf, start, n - start, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, start, n - start));
            return cb.toString();
        } catch (CharacterCodingException notUtf8) {
            // Not UTF-8: Latin-1 maps every byte to a character, so the text is still reviewable.
            return new String(buf, start, n - start, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Cuts lines longer than maxLineChars, marking the cut ("… [line cut by sre-review: N more chars]"); applied to
     * text already redacted. Returns the text unchanged when no line is too long.
     */
    Text capLines(String s) {
        int n = s.length();
        int lineStart = 0;
        boolean any = false;
        while (lineStart < n) {
            int end = s.indexOf('\n', lineStart);
            if (end < 0) {
                end = n;
            }
            if (end - lineStart > maxLineChars) {
                any = true;
                break;
            }
            lineStart = end + 1;
        }
        if (!any) {
            return new Text(s, false, false);
        }
        StringBuilder sb = new StringBuilder(Math.min(n, 1 << 20));
        lineStart = 0;
        while (lineStart < n) {
            int end = s.indexOf('\n', lineStart);
            boolean last = end < 0;
            if (last) {
                end = n;
            }
            int len = end - lineStart;
            if (len > maxLineChars) {
                sb.append(s, lineStart, lineStart + maxLineChars)
                        .append(" … [line cut by sre-review: ").append(len - maxLineChars).append(" more chars]");
            } else {
                sb.append(s, lineStart, end);
            }
            if (!last) {
                sb.append('\n');
            }
            lineStart = end + 1;
        }
        return new Text(sb.toString(), true, false);
    }
}
