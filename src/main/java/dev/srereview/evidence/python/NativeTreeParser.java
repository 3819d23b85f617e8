package dev.srereview.evidence.python;

import java.lang.ref.Cleaner;

/**
 * The fast parser: one JNI call per file ({@link NativePython#parse}) returns the named-node tree as int records,
 * turned here into {@link PyNode}s. Byte offsets are true UTF-8. Not thread-safe: one per thread; the native
 * parser is freed when this object is collected.
 */
final class NativeTreeParser implements TreeParser {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final String[] SYMBOLS = NativePython.names(false);
    private static final String[] FIELDS = NativePython.names(true);

    private final long handle;

    /** Only once {@link NativePython#status()} says the library is loaded. */
    NativeTreeParser() {
        long h = NativePython.newParser();
        if (h == 0) {
            throw new IllegalStateException("native Python parser could not be created");
        }
        this.handle = h;
        CLEANER.register(this, () -> NativePython.deleteParser(h));
    }

    @Override
    public PyNode parse(String content, byte[] utf8) {
        int[] r = NativePython.parse(handle, utf8);
        int[] lineStarts = SourceLines.lineStarts(utf8);
        int count = r.length / NativePython.RECORD;
        PyNode[] nodes = new PyNode[count];
        for (int i = 0, k = 0; i < count; i++, k += NativePython.RECORD) {
            int start = r[k + 2];
            int end = Math.max(start, r[k + 3]);
            PyNode parent = r[k + 4] < 0 ? null : nodes[r[k + 4]];
            PyNode node = new PyNode(symbol(r[k]), field(r[k + 1]), true, start, end,
                    SourceLines.row(lineStarts, start), SourceLines.row(lineStarts, Math.max(start, end - 1)),
                    parent, utf8);
            if (parent != null) {
                parent.children.add(node);
            }
            nodes[i] = node;
        }
        return nodes[0];
    }

    private static String symbol(int id) {
        // built-in symbols (ERROR is 65535) sit outside the grammar's table
        return id >= 0 && id < SYMBOLS.length ? SYMBOLS[id] : "ERROR";
    }

    private static String field(int id) {
        return id > 0 && id < FIELDS.length ? FIELDS[id] : null;
    }
}
