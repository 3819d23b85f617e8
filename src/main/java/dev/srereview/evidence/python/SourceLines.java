package dev.srereview.evidence.python;

import java.util.Arrays;

/** Byte offset to line: the start offset of every line of a UTF-8 source, searched in O(log lines). */
final class SourceLines {
    private SourceLines() {
    }

    static int[] lineStarts(byte[] utf8) {
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** 0-based row of a byte offset. */
    static int row(int[] lineStarts, int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
