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
    final boolean named;
    final int startByte;
    final int endByte;
    final int startRow;
    final int endRow;
    final PyNode parent;
    final List<PyNode> children = new ArrayList<>(3);
    private final byte[] source;
    private String text;

    PyNode(String type, String field, boolean named, int startByte, int endByte, int startRow, int endRow,
           PyNode parent, byte[] source) {
        this.type = type;
        this.field = field;
        this.named = named;
        this.startByte = startByte;
        this.endByte = endByte;
        this.startRow = startRow;
        this.endRow = endRow;
        this.parent = parent;
        this.source = source;
    }

    boolean is(String t) {
        return type.equals(t);
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

    /** First child with the given field name, or null. */
    PyNode field(String name) {
        for (PyNode c : children) {
            if (name.equals(c.field)) {
                return c;
            }
        }
        return null;
    }

    List<PyNode> fields(String name) {
        List<PyNode> out = new ArrayList<>(2);
        for (PyNode c : children) {
            if (name.equals(c.field)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Named children except comments. */
    List<PyNode> named() {
        List<PyNode> out = new ArrayList<>(children.size());
        for (PyNode c : children) {
            if (c.named && !c.is("comment")) {
                out.add(c);
            }
        }
        return out;
    }

    PyNode firstNamed(String t) {
        for (PyNode c : children) {
            if (c.type.equals(t)) {
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
        ArrayList<PyNode> stack = new ArrayList<>();
        stack.add(this);
        while (!stack.isEmpty()) {
            PyNode n = stack.remove(stack.size() - 1);
            action.accept(n);
            if (stopAtScopes && n != this && (n.is("function_definition") || n.is("class_definition")
                    || n.is("lambda"))) {
                continue;
            }
            for (int i = n.children.size() - 1; i >= 0; i--) {
                stack.add(n.children.get(i));
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
