package dev.srereview.context;

import dev.srereview.config.Settings;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The scan benchmark (bench/scan.sh runs it; it lives with the tests so it never ships in the jar).
 * {@code generate DIR}: a tree of 40,000 Python sources, 10,000 small files and 5 GB of sparse weights,
 * plus a venv and node_modules that must be skipped. {@code run DIR [BUDGET]}: scan, classify, redact and
 * pack it once, printing the stage times (the process's time and peak RSS come from /usr/bin/time).
 */
public final class ScanBench {
    static final int PACKAGES = 200;
    static final int SOURCES = 40_000;
    static final int SMALL = 10_000;
    static final int WEIGHT_FILES = 10;
    static final long WEIGHT_BYTES = 512L << 20;

    private ScanBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("generate")) {
            generate(Path.of(args[1]));
        } else if (args.length >= 2 && args[0].equals("run")) {
            run(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 20_000);
        } else {
            System.err.println("usage: ScanBench generate DIR | run DIR [tokenBudget]");
            System.exit(2);
        }
    }

    static void run(Path root, int budget) {
        long t0 = System.nanoTime();
        long c0 = cpu();
        TokenCounter counter = new TokenCounter("o200k_base"); // loads in the background, overlapping the scan
        long t1 = System.nanoTime();
        Settings.ContextSettings settings = new Settings.ContextSettings(24000, 262144, 2000, 0.00015, 0.05,
                "o200k_base");
        RepoSnapshot s = new RepositoryScanner(settings, new Redactor()).scan(root, root.toString(), ScanProgress.NONE);
        long t2 = System.nanoTime();
        long c2 = cpu();
        Map<String, Integer> weights = new HashMap<>();
        weights.put("pkg7/sub3/mod_7_3_5.py", 3); // as if the evidence stage had found something there
        PackedContext p = new ContextPacker(counter).pack(s, weights, budget);
        long t3 = System.nanoTime();
        long c3 = cpu();
        long chars = s.files().stream().mapToLong(f -> f.content().length()).sum();
        System.out.printf(Locale.ROOT, "files read %d, artifacts %d (%s), left out %d, secrets %d, text %s%n",
                s.files().size(), s.artifacts().size(),
                Sizes.human(s.artifacts().stream().mapToLong(Artifact::sizeBytes).sum()), s.leftOut().size(),
                s.secretsRedacted(), Sizes.human(chars));
        System.out.printf(Locale.ROOT, "scan+classify+redact %d ms (cpu %d ms, encoding load included), pack %d ms "
                        + "(cpu %d ms; %d files sent, %d tokens of %d), in-process total %d ms%n", ms(t2 - t1),
                ms(c2 - c0), ms(t3 - t2), ms(c3 - c2), p.sentPaths().size(), p.tokens(), budget, ms(t3 - t0));
        System.out.println(new ContextSummary().line(s, p, 0.00015));
    }

    /** CPU time of the whole process (all threads), nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    static void generate(Path root) throws IOException {
        Files.createDirectories(root);
        write(root.resolve(".gitignore"), "*.log\n__pycache__/\n/scratch/\n");
        write(root.resolve("Dockerfile"), "FROM python:3.11-slim\nCOPY . /app\nCMD [\"python\", \"-m\", \"app\"]\n");
        write(root.resolve("requirements.txt"), "fastapi==0.110.0\ntorch\n");
        write(root.resolve("k8s/deploy.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n");
        write(root.resolve(".env"), "OPENAI_API_KEY=" + "sk-" + "proj-" + "Q7dX2kP9mWv4Lz8Rt1Yb6Nc3Hs5Jf0GaeKuTq2Vw7ZxBn4\n");
        int perPackage = SOURCES / PACKAGES;
        for (int i = 0; i < SOURCES; i++) {
            int pkg = i % PACKAGES;
            int sub = (i / PACKAGES) % 10;
            write(root.resolve("pkg" + pkg + "/sub" + sub + "/mod_" + pkg + "_" + sub + "_" + (i / (PACKAGES * 10)) + ".py"),
                    source(i));
        }
        for (int i = 0; i < SMALL; i++) {
            String dir = "assets/group" + (i % 100) + "/";
            String name = switch (i % 4) {
                case 0 -> "conf" + i + ".yaml";
                case 1 -> "notes" + i + ".md";
                case 2 -> "data" + i + ".json";
                default -> "run" + i + ".log"; // gitignored
            };
            write(root.resolve(dir + name), "id: " + i + "\nname: item-" + i + "\n");
        }
        for (int i = 0; i < WEIGHT_FILES; i++) {
            sparse(root.resolve("models/shard-" + i + (i % 2 == 0 ? ".safetensors" : ".pt")), WEIGHT_BYTES);
        }
        for (int i = 0; i < 2000; i++) {
            write(root.resolve(".venv/lib/python3.11/site-packages/lib" + (i % 50) + "/m" + i + ".py"), "x = 1\n");
            write(root.resolve("node_modules/p" + (i % 50) + "/i" + i + ".js"), "module.exports = 1\n");
        }
        System.out.println("generated " + SOURCES + " sources (" + perPackage + " per package), " + SMALL
                + " small files, " + WEIGHT_FILES + " sparse weights of " + Sizes.human(WEIGHT_BYTES) + " in " + root);
    }

    /** A plausible module, 40 to 120 lines, varied by index. */
    static String source(int i) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("\"\"\"Module ").append(i).append(": feature transforms and helpers.\"\"\"\n");
        sb.append("import logging\nimport os\nfrom typing import Any, Dict, List\n\n");
        sb.append("log = logging.getLogger(__name__)\nTHRESHOLD = ").append(i % 97).append("\n\n\n");
        int functions = 4 + i % 9;
        for (int f = 0; f < functions; f++) {
            sb.append("def transform_").append(f).append("(rows: List[Dict[str, Any]], scale: float = 1.5) -> List[float]:\n")
                    .append("    \"\"\"Scales the value column and drops rows under the threshold.\"\"\"\n")
                    .append("    out = []\n")
                    .append("    for row in rows:\n")
                    .append("        value = float(row.get(\"value\", 0)) * scale + ").append(f).append("\n")
                    .append("        if value < THRESHOLD:\n")
                    .append("            log.debug(\"dropping row %s\", row.get(\"id\"))\n")
                    .append("            continue\n")
                    .append("        out.append(value)\n")
                    .append("    return out\n\n\n");
        }
        if (i % 5000 == 0) {
            sb.append("DB_PASSWORD = \"").append("pG7wq2Lm").append(i).append("\"\n");
        }
        return sb.toString();
    }

    private static void write(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sparse(Path p, long size) throws IOException {
        Files.createDirectories(p.getParent());
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
    }
}
