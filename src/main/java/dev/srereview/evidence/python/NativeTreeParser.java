package dev.srereview.evidence.python;

import java.lang.ref.Cleaner;

/**
 * The fast parser: one JNI call per file ({@link NativePython#parse}) returns the named-node tree as int records,
 * turned here into {@link PyNode}s. The records' buffer is reused from file to file, so a review allocates little
 * besides the nodes themselves. Byte offsets are true UTF-8. Not thread-safe: one per thread; the native
 * parser is freed by {@link #close()} (or when this object is collected), and must not be used after it.
 */
final class NativeTreeParser implements TreeParser {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final boolean LOADED = NativePython.status().loaded();
    // interned, so the rules' literal comparisons ("call".equals(type)) mostly end at the identity check
    private static final String[] SYMBOLS = LOADED ? interned(NativePython.names(false)) : new String[0];
    private static final String[] FIELDS = LOADED ? interned(NativePython.names(true)) : new String[0];

    /** Ints of records kept for reuse between files: a buffer up to 4 MB, so one huge file is not kept for good. */
    private static final int KEPT_RECORDS = 1 << 20;

    private final long handle;
    private final Cleaner.Cleanable cleanable;
    /** The last tree's records, handed back to the native side to fill (this parser is one thread's). */
    private int[] records = new int[0];
    /** Per node, how many of its children are attached so far. */
    private int[] filled = new int[0];

    /** Throws when the library is not loaded ({@link NativePython#status()} says why). */
    NativeTreeParser() {
        if (!LOADED) {
            throw new IllegalStateException("native Python parser " + NativePython.status().detail());
        }
        long h = NativePython.newParser();
        if (h == 0) {
            throw new IllegalStateException("native Python parser could not be created");
        }
        this.handle = h;
        // the arena (up to 16 MB kept between files) goes at close(), or with this object if never closed
        this.cleanable = CLEANER.register(this, () -> NativePython.deleteParser(h));
    }

    @Override
    public PyNode parse(String content, byte[] utf8) {
        int[] r;
        try {
            r = NativePython.parse(handle, utf8, records);
        } finally {
            // this object owns the native parser: it must stay reachable (uncleaned) until the call returns
            java.lang.ref.Reference.reachabilityFence(this);
        }
        if (r != records && r.length <= KEPT_RECORDS) {
            records = r;
        }
        int count = r[0];
        if (filled.length < count) {
            filled = new int[Math.max(count, filled.length * 2)];
        }
        java.util.Arrays.fill(filled, 0, count, 0);
        PyNode[] nodes = new PyNode[count];
        for (int i = 0, k = 1; i < count; i++, k += NativePython.RECORD) {
            int start = r[k + 2];
            int p = r[k + 4];
            PyNode parent = p < 0 ? null : nodes[p];
            PyNode node = new PyNode(symbol(r[k]), field(r[k + 1]), start, Math.max(start, r[k + 3]), r[k + 5],
                    r[k + 6], parent, utf8, r[k + 7]);
            if (parent != null) {
                parent.children[filled[p]++] = node; // records are in pre-order: children arrive in order
            }
            nodes[i] = node;
        }
        if (filled.length > KEPT_RECORDS / NativePython.RECORD) {
            filled = new int[0];
        }
        return nodes[0];
    }

    @Override
    public void close() {
        cleanable.clean(); // runs the deletion at most once
    }

    private static String[] interned(String[] names) {
        for (int i = 0; i < names.length; i++) {
            names[i] = names[i] == null ? null : names[i].intern();
        }
        return names;
    }

    private static String symbol(int id) {
        // built-in symbols (ERROR is 65535) sit outside the grammar's table
        return id >= 0 && id < SYMBOLS.length ? SYMBOLS[id] : "ERROR";
    }

    private static String field(int id) {
        return id > 0 && id < FIELDS.length ? FIELDS[id] : null;
    }
}
