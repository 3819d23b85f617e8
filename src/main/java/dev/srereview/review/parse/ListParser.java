package dev.srereview.review.parse;

import dev.srereview.review.ChecklistItem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the list-like sections: bullets or prose as items, and the checklist's {@code [ ]} lines. */
final class ListParser {
    private static final Pattern BULLET = Pattern.compile("^(\\s{0,3})([-*+]|\\d{1,3}[.)])(?:\\s+(.*)|$)");
    private static final Pattern CHECK = Pattern.compile(
            "^\\s*(?:(?:[-*+]|\\d{1,3}[.)])\\s+)?\\[([ xX✓✔]?)\\]\\s*(.*)$");

    private ListParser() {
    }

    /**
     * Bullets become items (continuation and nested lines stay in their item); prose becomes one item
     * per paragraph; a code block stays with the item before it.
     */
    static List<String> items(MdLines body) {
        List<String> items = new ArrayList<>();
        Item cur = null;
        boolean blankBefore = false;
        for (int i = 0; i < body.size(); i++) {
            String line = body.text(i);
            if (body.code(i)) {
                if (cur == null) {
                    cur = new Item(0, false);
                }
                cur.add(line, true);
                blankBefore = false;
                continue;
            }
            if (line.isBlank() || Headings.thematicBreak(body, i)) {
                blankBefore = true;
                if (cur != null) {
                    cur.add("", false);
                }
                continue;
            }
            int indent = indent(line);
            Matcher bullet = BULLET.matcher(line);
            if (cur != null && cur.bullet && indent >= cur.indent) {
                cur.add(line, false);
            } else if (bullet.matches()) {
                flush(cur, items);
                cur = new Item(bullet.group(1).length() + bullet.group(2).length() + 1, true);
                cur.add(bullet.group(3) == null ? "" : bullet.group(3), false);
            } else if (Headings.level(body, i) > 0) {
                flush(cur, items);
                cur = null;
                String text = Headings.text(body, i);
                if (!text.isEmpty()) {
                    items.add(text);
                }
            } else if (cur != null && !blankBefore) {
                cur.add(line, false);
            } else {
                flush(cur, items);
                cur = new Item(0, false);
                cur.add(line.strip(), false);
            }
            blankBefore = false;
        }
        flush(cur, items);
        return items;
    }

    /** The checklist lines; {@code stray} collects the non-blank lines that are not items. */
    static List<ChecklistItem> checklist(MdLines body, List<String> stray) {
        List<ChecklistItem> items = new ArrayList<>();
        boolean afterItem = false;
        for (int i = 0; i < body.size(); i++) {
            String line = body.text(i);
            if (line.isBlank() || Headings.thematicBreak(body, i) || MdLines.isFenceLine(line) && !body.code(i)) {
                afterItem = false;
                continue;
            }
            Matcher m = body.code(i) ? null : CHECK.matcher(line);
            if (m != null && m.matches() && !m.group(2).isBlank()) {
                items.add(new ChecklistItem(m.group(2).strip(), !m.group(1).isBlank()));
                afterItem = true;
            } else if (afterItem && !body.code(i) && indent(line) >= 2) {
                // a long item wrapped onto an indented next line
                ChecklistItem last = items.remove(items.size() - 1);
                items.add(new ChecklistItem(last.item() + " " + line.strip(), last.done()));
            } else {
                stray.add(line.strip());
                afterItem = false;
            }
        }
        return items;
    }

    /** Leading columns; a tab counts as four. */
    private static int indent(String line) {
        int col = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col += 4;
            } else {
                break;
            }
        }
        return col;
    }

    private static void flush(Item item, List<String> items) {
        if (item != null) {
            String text = item.text();
            if (!text.isBlank()) {
                items.add(text);
            }
        }
    }

    /** One item being collected; continuation lines lose up to {@code indent} leading spaces. */
    private static final class Item {
        private final int indent;
        private final boolean bullet;
        private final List<String> lines = new ArrayList<>();
        private final List<Boolean> code = new ArrayList<>();

        Item(int indent, boolean bullet) {
            this.indent = indent;
            this.bullet = bullet;
        }

        void add(String line, boolean isCode) {
            String l = line;
            if (!lines.isEmpty()) {
                int cut = 0;
                while (cut < indent && cut < l.length() && l.charAt(cut) == ' ') {
                    cut++;
                }
                l = l.substring(cut);
            }
            lines.add(l);
            code.add(isCode);
        }

        String text() {
            boolean[] flags = new boolean[code.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = code.get(i);
            }
            return MdLines.clean(lines, flags);
        }
    }
}
