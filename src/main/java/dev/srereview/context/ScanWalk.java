package dev.srereview.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan in progress: a directory task per directory (lists it, applies the ignore rules, forks its
 * subdirectories) and file batches (read, classify, redact). Results land in concurrent queues and are
 * sorted by the caller. Gitignored directories are still walked, by name and size only, because a
 * gitignored {@code models/model.pt} still ends up in the image; that walk is capped.
 */
final class ScanWalk {
    private static final Logger LOG = LoggerFactory.getLogger(ScanWalk.class);
    /** Files per read task: small enough to balance two cores, large enough to amortise task overhead. */
    private static final int BATCH = 24;
    /** Entries looked at inside gitignored directories (for artifacts) before giving up on them. */
    static final int MAX_IGNORED_ENTRIES = 100_000;
    /** Text kept in memory across the whole snapshot; past it, files are left out ("scan limit"). */
    static final long MAX_TOTAL_TEXT_CHARS = 256L << 20;

    private final Path root;
    private final TextReader reader;
    private final NotebookReader notebooks = new NotebookReader();
    private final Redactor redactor;
    private final ScanProgress progress;
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger ignoredEntries = new AtomicInteger();
    private final AtomicLong textChars = new AtomicLong();
    private final Queue<SourceFile> files = new ConcurrentLinkedQueue<>();
    private final Queue<Artifact> artifacts = new ConcurrentLinkedQueue<>();
    private final Queue<LeftOut> leftOut = new ConcurrentLinkedQueue<>();
    private final Queue<IgnoredSecret> ignoredSecrets = new ConcurrentLinkedQueue<>();

    ScanWalk(Path root, TextReader reader, Redactor redactor, ScanProgress progress) {
        this.root = root;
        this.reader = reader;
        this.redactor = redactor;
        this.progress = progress;
    }

    RecursiveAction rootTask() {
        return new DirTask(root, "", IgnoreRules.NONE, null, false);
    }

    Queue<SourceFile> files() {
        return files;
    }

    Queue<Artifact> artifacts() {
        return artifacts;
    }

    Queue<LeftOut> leftOut() {
        return leftOut;
    }

    Queue<IgnoredSecret> ignoredSecrets() {
        return ignoredSecrets;
    }

    /** Files that exist to hold credentials: looked into even when gitignored (locally; nothing of them is kept). */
    private static final java.util.regex.Pattern SECRET_FILE = java.util.regex.Pattern.compile(
            "secrets\\.toml|\\.env(\\.[\\w.-]+)?|[\\w.-]+\\.env|\\.envrc|credentials(\\.json)?|\\.netrc|\\.pypirc"
                    + "|[\\w.-]*service[-_]?account[\\w.-]*\\.json|[\\w.-]+\\.pem|[\\w.-]+\\.key|id_(rsa|ed25519|ecdsa)");
    /** Larger files are not secret stores; they are left as gitignored. */
    private static final long MAX_SECRET_FILE_BYTES = 64 * 1024;

    /** Records the credentials of a gitignored secret file, by line and kind only. */
    private void ignoredSecretFile(Path p, String rel, String name, long size) {
        if (size > MAX_SECRET_FILE_BYTES || !SECRET_FILE.matcher(name).matches()
                || name.toLowerCase(java.util.Locale.ROOT).contains("example")) {
            return;
        }
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            for (Redaction r : redactor.redact(rel, text).redactions()) {
                ignoredSecrets.add(new IgnoredSecret(rel, Math.max(1, r.line()), r.detector(), r.name()));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // not text, or unreadable: it stays a plain gitignored entry
            LOG.debug("gitignored secret file {} not read: {}", rel, e.toString());
        }
    }

    /** Counts of a gitignored directory's content, reported as one left-out entry. */
    private static final class Tally {
        final AtomicInteger files = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        /** Ignored by git's rules, not the tool's: its secret files may still be read (locally) for SECRET-002. */
        final boolean byGit;

        Tally(boolean byGit) {
            this.byGit = byGit;
        }
    }

    private record FileJob(Path path, String rel, long size, boolean inChart) {
    }

    /** Lists one directory and forks work for its entries. */
    private final class DirTask extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient Path dir;
        private final String rel;
        private final transient IgnoreRules rules;
        /** Non-null inside a gitignored directory: only artifacts are recorded, the rest is tallied. */
        private final transient Tally ignored;
        private final boolean inChart;

        DirTask(Path dir, String rel, IgnoreRules rules, Tally ignored, boolean inChart) {
            this.dir = dir;
            this.rel = rel;
            this.rules = rules;
            this.ignored = ignored;
            this.inChart = inChart;
        }

        @Override
        protected void compute() {
            List<Path> entries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    entries.add(p);
                    names.add(p.getFileName().toString());
                }
            } catch (IOException e) {
                LOG.debug("Cannot list {}: {}", dir, e.toString());
                if (ignored == null) {
                    leftOut.add(new LeftOut(rel, 0, "unreadable directory"));
                }
                return;
            }
            if (ignored != null && ignoredEntries.addAndGet(entries.size()) > MAX_IGNORED_ENTRIES) {
                return;
            }
            String selfSkip = rel.isEmpty() ? null : selfSkipReason(rel, names);
            if (selfSkip != null) {
                if (ignored == null) {
                    leftOut.add(new LeftOut(rel, 0, selfSkip));
                }
                return;
            }
            IgnoreRules here = ignored == null ? withIgnoreFiles(names) : rules;
            boolean chart = inChart || names.contains("Chart.yaml");
            List<RecursiveAction> tasks = new ArrayList<>();
            List<DirTask> ignoredDirs = new ArrayList<>();
            List<Tally> tallies = new ArrayList<>();
            List<FileJob> jobs = new ArrayList<>();
            for (Path p : entries) {
                String name = p.getFileName().toString();
                String childRel = rel + name;
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    LOG.debug("Cannot stat {}: {}", p, e.toString());
                    continue;
                }
                if (a.isDirectory()) {
                    String skip = PathRules.skippedDirReason(name);
                    if (skip != null || name.equals("dist")) {
                        if (ignored == null) {
                            leftOut.add(new LeftOut(childRel + "/", 0, skip != null ? skip : "build output"));
                        }
                    } else if (ignored != null) {
                        tasks.add(new DirTask(p, childRel + "/", here, ignored, false));
                    } else if (here.ignored(childRel, name, true)) {
                        Tally t = new Tally(here.ignoredByGit(childRel, name, true));
                        DirTask d = new DirTask(p, childRel + "/", here, t, false);
                        tasks.add(d);
                        ignoredDirs.add(d);
                        tallies.add(t);
                    } else {
                        tasks.add(new DirTask(p, childRel + "/", here, null, chart));
                    }
                } else if (a.isSymbolicLink()) {
                    if (ignored == null) {
                        symlink(p, childRel, name, here, chart, jobs);
                    }
                } else if (a.isRegularFile()) {
                    regularFile(p, childRel, name, a.size(), here, chart, jobs);
                } else if (ignored == null) {
                    leftOut.add(new LeftOut(childRel, 0, "not a regular file (device, socket or FIFO)"));
                }
            }
            for (int i = 0; i < jobs.size(); i += BATCH) {
                tasks.add(new FileBatch(jobs.subList(i, Math.min(jobs.size(), i + BATCH))));
            }
            invokeAll(tasks);
            for (int i = 0; i < ignoredDirs.size(); i++) {
                Tally t = tallies.get(i);
                leftOut.add(new LeftOut(ignoredDirs.get(i).rel, t.bytes.get(),
                        "gitignored (" + t.files.get() + " files)"));
            }
        }

        private void regularFile(Path p, String childRel, String name, long size, IgnoreRules here, boolean chart,
                                 List<FileJob> jobs) {
            String artifactKind = PathRules.artifactKind(name, size);
            if (ignored != null) {
                ignored.files.incrementAndGet();
                ignored.bytes.addAndGet(size);
                if (artifactKind != null) {
                    artifacts.add(new Artifact(childRel, size, artifactKind));
                } else if (ignored.byGit) {
                    ignoredSecretFile(p, childRel, name, size); // .streamlit/ gitignored whole
                }
                return;
            }
            count();
            if (artifactKind != null) {
                // Recorded even when gitignored: an untracked checkpoint is still copied into images.
                artifacts.add(new Artifact(childRel, size, artifactKind));
            } else if (here.ignored(childRel, name, false)) {
                leftOut.add(new LeftOut(childRel, size, "gitignored"));
                if (here.ignoredByGit(childRel, name, false)) {
                    ignoredSecretFile(p, childRel, name, size); // never one the user told the tool not to read
                }
            } else if (PathRules.knownBinary(name)) {
                leftOut.add(new LeftOut(childRel, size, "binary"));
            } else if (PathRules.isNotebook(name) && size > NotebookReader.MAX_NOTEBOOK_BYTES) {
                leftOut.add(new LeftOut(childRel, size, "notebook too large to parse"));
            } else {
                jobs.add(new FileJob(p, childRel, size, chart));
            }
        }

        /** Links are followed only to regular files inside the root; directories inside are walked where they are. */
        private void symlink(Path p, String childRel, String name, IgnoreRules here, boolean chart, List<FileJob> jobs) {
            Path target;
            try {
                target = p.toRealPath();
            } catch (NoSuchFileException e) {
                leftOut.add(new LeftOut(childRel, 0, "broken symlink"));
                return;
            } catch (FileSystemException e) {
                leftOut.add(new LeftOut(childRel, 0, "symlink loop"));
                return;
            } catch (IOException e) {
                leftOut.add(new LeftOut(childRel, 0, "unreadable symlink"));
                return;
            }
            if (!target.startsWith(root)) {
                leftOut.add(new LeftOut(childRel, 0, "symlink outside the root"));
            } else if (Files.isDirectory(target)) {
                String to = root.relativize(target).toString().replace('\\', '/');
                leftOut.add(new LeftOut(childRel + "/", 0, "symlink to " + (to.isEmpty() ? "." : to) + "/"));
            } else if (Files.isRegularFile(target)) {
                try {
                    regularFile(target, childRel, name, Files.size(target), here, chart, jobs);
                } catch (IOException e) {
                    leftOut.add(new LeftOut(childRel, 0, "unreadable symlink"));
                }
            } else {
                leftOut.add(new LeftOut(childRel, 0, "not a regular file (device, socket or FIFO)"));
            }
        }

        private IgnoreRules withIgnoreFiles(Set<String> names) {
            IgnoreRules r = rules;
            if (rel.isEmpty() && names.contains(".git")) {
                r = r.with(load(dir.resolve(".git/info/exclude")));
            }
            if (names.contains(".gitignore")) {
                r = r.with(load(dir.resolve(".gitignore")));
            }
            if (names.contains(RepositoryScanner.TOOL_IGNORE_FILE)) {
                r = r.with(load(dir.resolve(RepositoryScanner.TOOL_IGNORE_FILE), true));
            }
            return r;
        }

        private IgnoreFile load(Path file) {
            return load(file, false);
        }

        private IgnoreFile load(Path file, boolean tool) {
            try {
                if (!Files.isRegularFile(file)) {
                    return null;
                }
                return IgnoreFile.parse(rel, new String(Files.readAllBytes(file), StandardCharsets.UTF_8), tool);
            } catch (IOException e) {
                LOG.warn("Ignoring unreadable ignore file {}: {}", file, e.toString());
                return null;
            }
        }
    }

    /** A session transcript this tool wrote (transcript/TranscriptWriter): JSON lines opening with its header. */
    static boolean isTranscript(String rel, String content) {
        return rel.endsWith(".jsonl") && content.startsWith("{\"type\":\"header\"")
                && content.contains("\"personaSha256\"");
    }

    private static final Set<String> VENV_NAMES = Set.of("venv", ".venv", "virtualenv", ".virtualenv", "env", ".env");

    /** Why a directory is skipped once its entries are known (virtualenv, cache, build output), or null. */
    private static String selfSkipReason(String rel, Set<String> names) {
        if (names.contains("pyvenv.cfg") || names.contains("conda-meta")) {
            return "virtual environment";
        }
        if (names.contains("CACHEDIR.TAG")) {
            return "cache";
        }
        String name = rel.substring(0, rel.length() - 1);
        name = name.substring(name.lastIndexOf('/') + 1);
        // Conventional names, but only with an environment's layout: the stdlib's own venv/ package is source.
        if (VENV_NAMES.contains(name) && (names.contains("bin") || names.contains("Scripts") || names.contains("lib")
                || names.contains("Lib") || names.contains("include"))) {
            return "virtual environment";
        }
        if (name.equals("build")) {
            for (String n : names) {
                if (n.startsWith("lib") || n.startsWith("bdist.") || n.startsWith("temp.") || n.equals("classes")
                        || n.equals("CMakeFiles") || n.equals("intermediates") || n.equals("tmp")) {
                    return "build output";
                }
            }
        }
        if (name.equals("target") && (names.contains("classes") || names.contains("maven-status")
                || names.contains("surefire-reports") || names.contains("release") || names.contains("debug"))) {
            return "build output";
        }
        return null;
    }

    private void count() {
        int n = seen.incrementAndGet();
        if ((n & 511) == 0) {
            progress.filesSeen(n);
        }
    }

    /** Reads, classifies and redacts a handful of files. */
    private final class FileBatch extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient List<FileJob> jobs;

        FileBatch(List<FileJob> jobs) {
            this.jobs = jobs;
        }

        @Override
        protected void compute() {
            for (FileJob j : jobs) {
                try {
                    readOne(j);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    LOG.debug("Not a notebook {}: {}", j.path(), e.getOriginalMessage());
                    leftOut.add(new LeftOut(j.rel(), j.size(), "notebook is not valid JSON"));
                } catch (AccessDeniedException e) {
                    leftOut.add(new LeftOut(j.rel(), j.size(), "unreadable: permission denied"));
                } catch (IOException e) {
                    LOG.debug("Cannot read {}: {}", j.path(), e.toString());
                    leftOut.add(new LeftOut(j.rel(), j.size(), "unreadable: " + e.getClass().getSimpleName()));
                } catch (RuntimeException e) {
                    // A bug on one odd file must not lose the whole review: log it loudly, leave the file out.
                    LOG.warn("Internal error reading {}; left out of the review", j.rel(), e);
                    leftOut.add(new LeftOut(j.rel(), j.size(), "internal error (see log)"));
                }
            }
        }

        private void readOne(FileJob j) throws IOException {
            TextReader.Text text;
            if (PathRules.isNotebook(j.rel())) {
                text = reader.cap(notebooks.codeCells(j.path()));
            } else {
                text = reader.read(j.path(), j.size());
                if (text.binary()) {
                    leftOut.add(new LeftOut(j.rel(), j.size(), "binary"));
                    return;
                }
            }
            String content = text.content();
            if (isTranscript(j.rel(), content)) {
                // the REPL writes transcripts/ under the working directory, often the repository itself: its own
                // earlier reviews are not the deployment, and resending them would grow every prompt
                leftOut.add(new LeftOut(j.rel(), j.size(), "an sre-review transcript (the tool's own output)"));
                return;
            }
            if (textChars.addAndGet(content.length()) > MAX_TOTAL_TEXT_CHARS) {
                leftOut.add(new LeftOut(j.rel(), j.size(), "scan limit reached"));
                return;
            }
            Needles.Hits hits = text.hits() != null ? text.hits() : Needles.scan(content);
            FileKind kind = FileClassifier.classify(j.rel(), j.inChart(), content, hits);
            RedactionResult r = redactor.redact(j.rel(), content, hits);
            String kept = r.text();
            boolean truncated = text.truncated();
            if (text.longLines()) {
                TextReader.Text capped = reader.capLines(kept);
                kept = capped.content();
                truncated |= capped.truncated();
            }
            files.add(new SourceFile(j.rel(), kind, j.size(), kept, truncated, r.redactions()));
        }
    }
}
