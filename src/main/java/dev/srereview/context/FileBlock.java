package dev.srereview.context;

import java.util.List;

/**
 * How one file is written into the prompt: a header naming path, kind and length, then every line
 * prefixed by its 1-based number and {@code |}, so the model can cite {@code path:line} without counting.
 * The bare {@code N|} prefix (no padding) costs about one token per line, which measured 10–20% of a typical
 * file; padding would cost more (runs of spaces) and help nobody.
 */
final class FileBlock {
    private FileBlock() {
    }

    static String kindLabel(FileKind kind) {
        return switch (kind) {
            case SERVING_CODE -> "serving code";
            case DOCKERFILE -> "Dockerfile";
            case COMPOSE -> "compose";
            case K8S_MANIFEST -> "Kubernetes manifest";
            case HELM_CHART -> "Helm chart";
            case CI_WORKFLOW -> "CI workflow";
            case DEPENDENCY_FILE -> "dependency file";
            case CONFIG -> "config";
            case TRAINING_CODE -> "training/batch code";
            case TEST -> "test";
            case NOTEBOOK -> "notebook, code cells only";
            case OTHER_CODE -> "code";
            case DOC -> "doc";
            case OTHER -> "other";
        };
    }

    /** The whole file. */
    static String whole(SourceFile f, List<String> lines) {
        return render(f, lines, lines.size());
    }

    /** The first {@code keep} lines, then a marked cut naming how many lines were not sent. */
    static String render(SourceFile f, List<String> lines, int keep) {
        int total = lines.size();
        StringBuilder sb = new StringBuilder(64 + f.content().length() + keep * 4);
        sb.append("=== ").append(f.path()).append(" (").append(kindLabel(f.kind())).append(", ");
        if (total == 0) {
            sb.append("empty");
        } else {
            sb.append(total).append(total == 1 ? " line" : " lines");
        }
        if (keep < total) {
            sb.append(", first ").append(keep).append(" sent");
        }
        if (f.truncated()) {
            sb.append(", cut at scan: file is ").append(Sizes.human(f.sizeBytes()));
        }
        sb.append(") ===\n");
        for (int i = 0; i < keep; i++) {
            sb.append(i + 1).append('|').append(lines.get(i)).append('\n');
        }
        if (keep < total) {
            sb.append("# … [cut by sre-review: ").append(total - keep).append(" more lines]\n");
        }
        return sb.append('\n').toString();
    }
}
