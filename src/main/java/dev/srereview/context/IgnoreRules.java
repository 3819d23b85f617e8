package dev.srereview.context;

/**
 * The ignore files in force for one directory: its own and its ancestors', deepest last. Immutable and
 * shared between scanning threads; a directory with its own ignore file gets a new head.
 * As in git, the last matching rule wins, and a deeper file's rules come after its ancestors'.
 */
final class IgnoreRules {
    static final IgnoreRules NONE = new IgnoreRules(null, null);

    private final IgnoreFile file;
    private final IgnoreRules parent;

    private IgnoreRules(IgnoreFile file, IgnoreRules parent) {
        this.file = file;
        this.parent = parent;
    }

    IgnoreRules with(IgnoreFile f) {
        return f == null || f.isEmpty() ? this : new IgnoreRules(f, this);
    }

    /**
     * Ignored by git's own rules (.gitignore, .git/info/exclude): the deciding rule is not the tool's ignore file,
     * which says "do not read this at all".
     */
    boolean ignoredByGit(String rel, String name, boolean dir) {
        for (IgnoreRules r = this; r != null && r.file != null; r = r.parent) {
            Boolean d = r.file.decide(rel, name, dir);
            if (d != null) {
                return d && !r.file.tool;
            }
        }
        return false;
    }

    /** @param rel path relative to the root, '/' separators; name its last segment */
    boolean ignored(String rel, String name, boolean dir) {
        for (IgnoreRules r = this; r != null && r.file != null; r = r.parent) {
            Boolean d = r.file.decide(rel, name, dir);
            if (d != null) {
                return d;
            }
        }
        return false;
    }
}
