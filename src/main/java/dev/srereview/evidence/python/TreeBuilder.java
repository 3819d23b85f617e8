package dev.srereview.evidence.python;

import java.util.HashMap;
import java.util.Map;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterPython;

/**
 * Parses Python once with tree-sitter and copies the tree into {@link PyNode}s with one cursor walk.
 * Not thread-safe (TSParser is not): one builder per thread.
 */
final class TreeBuilder {
    private final TSParser parser = new TSParser();
    private final Map<String, String> typeNames = new HashMap<>();

    TreeBuilder() {
        parser.setLanguage(new TreeSitterPython());
    }

    /** The module node of the (possibly partial, error-recovered) tree. */
    PyNode parse(String content, byte[] utf8) {
        TSTree tree = parser.parseString(null, content);
        TSTreeCursor cursor = new TSTreeCursor(tree.getRootNode());
        PyNode root = copy(cursor.currentNode(), null, null, utf8);
        PyNode current = root;
        while (true) {
            if (cursor.gotoFirstChild()) {
                current = copy(cursor.currentNode(), cursor.currentFieldName(), current, utf8);
                continue;
            }
            while (true) {
                if (cursor.gotoNextSibling()) {
                    current = copy(cursor.currentNode(), cursor.currentFieldName(), current.parent, utf8);
                    break;
                }
                if (!cursor.gotoParent()) {
                    return root;
                }
                current = current.parent;
            }
        }
    }

    private PyNode copy(TSNode n, String field, PyNode parent, byte[] utf8) {
        String type = typeNames.computeIfAbsent(n.getType(), t -> t);
        PyNode node = new PyNode(type, field, n.isNamed(), n.getStartByte(), n.getEndByte(),
                n.getStartPoint().getRow(), n.getEndPoint().getRow(), parent, utf8);
        if (parent != null) {
            parent.children.add(node);
        }
        return node;
    }
}
