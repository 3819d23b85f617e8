package dev.srereview.evidence.python;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A syntax-tree node copied out of tree-sitter once, so every rule walks plain Java objects instead of
 * paying a native call per question.
 */
final class PyNode {
    final String type;
    final String field;
    final int startByte;
    final int endByte;
    final int startRow;
    final int endRow;
    final PyNode parent;
    /**
     * Named children in order, exactly sized: an array rather than a list, one object less per node (a review of
     * a large repository builds millions of them). Filled by the parsers; the rules only read it.
     */
    PyNode[] children;
    private final byte[] source;
    private String text;
    /** For a call: its qualified callee, remembered by {@link PyModule#callee} once the module's names are bound. */
    String callee;

    private static final PyNode[] NONE = new PyNode[0];

    /** A named node with room for exactly {@code childCount} children (the parser fills them in). */
    PyNode(String type, String field, int startByte, int endByte, int startRow, int endRow, PyNode parent,
           byte[] source, int childCount) {
        this.type = type;
        this.field = field;
        this.children = childCount == 0 ? NONE : new PyNode[childCount];
        this.startByte = startByte;
        this.endByte = endByte;
        this.startRow = startRow;
        this.endRow = endRow;
        this.parent = parent;
        this.source = source;
    }

    /**
     * Node types and field names are interned by the parsers and the rules pass string literals, so identity is
     * equality here: the rules ask this of nearly every node, and most answers are "no" (TreeParsersTest holds
     * the parsers to it).
     */
    boolean is(String t) {
        return type == t;
    }

    int line() {
        return startRow + 1;
    }

    String text() {
        if (text == null) {
            int s = Math.max(0, Math.min(startByte, source.length));
            int e = Math.max(s, Math.min(endByte, source.length));
            text = new String(source, s, e - s, StandardCharsets.UTF_8);
        }
        return text;
    }

    /**
     * Whether this node's source contains {@code needle} (ASCII bytes, a constant of the caller's: asked of every
     * call in a module, so nothing is allocated and the text is not decoded).
     */
    boolean textContains(byte[] needle) {
        int end = Math.min(endByte, source.length) - needle.length;
        outer:
        for (int i = Math.max(0, startByte); i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (source[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether this node's source holds any of the ASCII characters in {@code chars}, in one pass over its bytes. */
    boolean textContainsAny(String chars) {
        int end = Math.min(endByte, source.length);
        for (int i = Math.max(0, startByte); i < end; i++) {
            byte b = source[i];
            if (b >= 0 && chars.indexOf(b) >= 0) {
                return true;
            }
        }
        return false;
    }

    PyNode field(String name) {
        for (int i = 0, n = children.length; i < n; i++) {
            PyNode c = children[i];
            if (c.field == name) { // interned: see is()
                return c;
            }
        }
        return null;
    }

    List<PyNode> fields(String name) {
        List<PyNode> out = new ArrayList<>(2);
        for (int i = 0, n = children.length; i < n; i++) {
            PyNode c = children[i];
            if (c.field == name) {
                out.add(c);
            }
        }
        return out;
    }

    /** Named children except comments. */
    List<PyNode> named() {
        List<PyNode> out = new ArrayList<>(children.length);
        for (int i = 0, n = children.length; i < n; i++) {
            PyNode c = children[i];
            if (!c.is("comment")) {
                out.add(c);
            }
        }
        return out;
    }

    PyNode firstNamed(String t) {
        for (int i = 0, n = children.length; i < n; i++) {
            PyNode c = children[i];
            if (c.type == t) {
                return c;
            }
        }
        return null;
    }

    /** Nearest ancestor of one of the types, or null. */
    PyNode ancestor(String... types) {
        for (PyNode p = parent; p != null; p = p.parent) {
            for (String t : types) {
                if (p.type.equals(t)) {
                    return p;
                }
            }
        }
        return null;
    }

    boolean isInside(PyNode other) {
        for (PyNode p = this; p != null; p = p.parent) {
            if (p == other) {
                return true;
            }
        }
        return false;
    }

    /** Pre-order visit of this subtree; does not descend into nested function or class bodies when {@code stopAtScopes}. */
    void visit(boolean stopAtScopes, Consumer<PyNode> action) {
        PyNode[] stack = new PyNode[32];
        int top = 0;
        stack[top++] = this;
        while (top > 0) {
            PyNode n = stack[--top];
            stack[top] = null;
            action.accept(n);
            if (stopAtScopes && n != this && (n.is("function_definition") || n.is("class_definition")
                    || n.is("lambda"))) {
                continue;
            }
            int count = n.children.length;
            if (top + count > stack.length) {
                stack = java.util.Arrays.copyOf(stack, Math.max(stack.length * 2, top + count));
            }
            for (int i = count - 1; i >= 0; i--) {
                stack[top++] = n.children[i];
            }
        }
    }

    List<PyNode> descendants(String t, boolean stopAtScopes) {
        List<PyNode> out = new ArrayList<>();
        visit(stopAtScopes, n -> {
            if (n != this && n.type.equals(t)) {
                out.add(n);
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return type + "@" + line();
    }
}
