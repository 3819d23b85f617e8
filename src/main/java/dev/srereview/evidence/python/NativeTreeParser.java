package dev.srereview.evidence.python;

import java.lang.ref.Cleaner;

/**
 * The fast parser: one JNI call per file ({@link NativePython#parse}) returns the named-node tree as int records,
 * turned here into {@link PyNode}s. Byte offsets are true UTF-8. Not thread-safe: one per thread; the native
 * parser is freed when this object is collected.
 */
final class NativeTreeParser implements TreeParser {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final boolean LOADED = NativePython.status().loaded();
    // interned, so the rules' literal comparisons ("call".equals(type)) mostly end at the identity check
    private static final String[] SYMBOLS = LOADED ? interned(NativePython.names(false)) : new String[0];
    private static final String[] FIELDS = LOADED ? interned(NativePython.names(true)) : new String[0];

    private final long handle;

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
        CLEANER.register(this, () -> NativePython.deleteParser(h));
    }

    @Override
    public PyNode parse(String content, byte[] utf8) {
        int[] r;
        try {
            r = NativePython.parse(handle, utf8);
        } finally {
            // this object owns the native parser: it must stay reachable (uncleaned) until the call returns
            java.lang.ref.Reference.reachabilityFence(this);
        }
        int count = r.length / NativePython.RECORD;
        PyNode[] nodes = new PyNode[count];
        for (int i = 0, k = 0; i < count; i++, k += NativePython.RECORD) {
            int start = r[k + 2];
            PyNode parent = r[k + 4] < 0 ? null : nodes[r[k + 4]];
            PyNode node = new PyNode(symbol(r[k]), field(r[k + 1]), start, Math.max(start, r[k + 3]), r[k + 5],
                    r[k + 6], parent, utf8, r[k + 7]);
            if (parent != null) {
                parent.children.add(node);
            }
            nodes[i] = node;
        }
        return nodes[0];
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
