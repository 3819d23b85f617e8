package dev.srereview.evidence.python;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterPython;

/**
 * The fallback parser: tree-sitter through the Java binding, whose prebuilt libraries are unoptimised, copying the
 * named nodes into {@link PyNode}s with one cursor walk. Native calls dominate the copy (each TSNode accessor is a
 * JNI call plus a null-check JNI call), so per node we ask only for the symbol and the byte range; type names come
 * from a per-language symbol table, rows from a Java line-offset table, and anonymous tokens (punctuation,
 * keywords) are skipped. Byte offsets are those of Java's modified UTF-8, which differs from UTF-8 only after a
 * character outside the Basic Multilingual Plane (an emoji). Not thread-safe (TSParser is not): one per thread.
 */
final class BindingTreeParser implements TreeParser {
    private static final Logger LOG = LoggerFactory.getLogger(BindingTreeParser.class);

    private final TSParser parser = new TSParser();
    private final String[] names = Symbols.NAMES;
    private final boolean[] named = Symbols.NAMED;

    BindingTreeParser() {
        parser.setLanguage(Symbols.LANGUAGE);
    }

    /** The grammar's symbol names and kinds: constant for the language, so read once per JVM. */
    private static final class Symbols {
        private static final TSLanguage LANGUAGE = new TreeSitterPython();
        private static final String[] NAMES;
        private static final boolean[] NAMED;

        static {
            int count = LANGUAGE.symbolCount();
            NAMES = new String[count];
            NAMED = new boolean[count];
            for (int i = 0; i < count; i++) {
                NAMES[i] = LANGUAGE.symbolName(i).intern(); // PyNode compares types by identity
                NAMED[i] = LANGUAGE.symbolType(i) == TSSymbolType.TSSymbolTypeRegular;
            }
        }

        private Symbols() {
        }
    }

    @Override
    public PyNode parse(String content, byte[] utf8) {
        TSTree tree = parser.parseString(null, content);
        int[] lineStarts = SourceLines.lineStarts(utf8);
        TSTreeCursor cursor = new TSTreeCursor(tree.getRootNode());
        // the child counts are not known up front here: children collect in lists, sized into arrays at the end
        IdentityHashMap<PyNode, List<PyNode>> kids = new IdentityHashMap<>();
        PyNode root = copy(cursor.currentNode(), null, null, utf8, lineStarts, kids);
        // parents.peek() is the PyNode parent of the cursor's current node
        ArrayDeque<PyNode> parents = new ArrayDeque<>();
        PyNode current = root;
        while (true) {
            if (current != null && cursor.gotoFirstChild()) {
                parents.push(current);
                current = copy(cursor.currentNode(), cursor, current, utf8, lineStarts, kids);
                continue;
            }
            while (true) {
                if (cursor.gotoNextSibling()) {
                    current = copy(cursor.currentNode(), cursor, parents.peek(), utf8, lineStarts, kids);
                    break;
                }
                if (!cursor.gotoParent() || parents.isEmpty()) {
                    kids.forEach((node, list) -> node.children = list.toArray(new PyNode[0]));
                    return root;
                }
                parents.pop();
            }
        }
    }

    /** A PyNode for a named node (attached to its parent), or null for an anonymous token. */
    private PyNode copy(TSNode n, TSTreeCursor cursor, PyNode parent, byte[] utf8, int[] lineStarts,
                        IdentityHashMap<PyNode, List<PyNode>> kids) {
        int sym = NodeAccess.symbol(n);
        String type;
        boolean isNamed;
        if (sym >= 0 && sym < names.length) {
            type = names[sym];
            isNamed = named[sym];
        } else {
            type = n.getType().intern(); // ERROR and other built-ins
            isNamed = true;
        }
        if (!isNamed && parent != null) {
            return null;
        }
        int start = NodeAccess.start(n);
        int end = Math.max(start, NodeAccess.end(n));
        String field = cursor == null ? null : cursor.currentFieldName();
        field = field == null ? null : field.intern();
        PyNode node = new PyNode(type, field, start, end, SourceLines.row(lineStarts, start),
                SourceLines.row(lineStarts, Math.max(start, end - 1)), parent, utf8, 0);
        if (parent != null) {
            kids.computeIfAbsent(parent, p -> new ArrayList<>(4)).add(node);
        }
        return node;
    }

    /**
     * Direct handles on the binding's native accessors, skipping its per-call null check (a second JNI call);
     * the start byte is read from the field that mirrors TSNode.context[0]. Static final, so the JIT can inline
     * them; null when the binding's internals differ, and then the public API is used.
     */
    private static final class NodeAccess {
        private static final MethodHandle SYMBOL;
        private static final MethodHandle END;
        private static final VarHandle START;

        static {
            MethodHandle symbol = null;
            MethodHandle end = null;
            VarHandle start = null;
            try {
                MethodHandles.Lookup l = MethodHandles.privateLookupIn(TSParser.class, MethodHandles.lookup());
                MethodType toInt = MethodType.methodType(int.class, TSNode.class);
                symbol = l.findStatic(TSParser.class, "ts_node_symbol", toInt);
                end = l.findStatic(TSParser.class, "ts_node_end_byte", toInt);
                start = MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup())
                        .findVarHandle(TSNode.class, "context0", int.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("tree-sitter native accessors not reachable, using the public API: {}", e.toString());
                symbol = null;
                end = null;
                start = null;
            }
            SYMBOL = symbol;
            END = end;
            START = start;
        }

        private NodeAccess() {
        }

        static int symbol(TSNode n) {
            if (SYMBOL == null) {
                return n.getSymbol();
            }
            try {
                return (int) SYMBOL.invokeExact(n);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        static int start(TSNode n) {
            return START == null ? n.getStartByte() : (int) START.get(n);
        }

        static int end(TSNode n) {
            if (END == null) {
                return n.getEndByte();
            }
            try {
                return (int) END.invokeExact(n);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        private static RuntimeException rethrow(Throwable t) {
            if (t instanceof RuntimeException r) {
                return r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            return new IllegalStateException("tree-sitter accessor failed", t);
        }
    }
}
