package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * no-input-validation, the image case: {@code Image.MAX_IMAGE_PIXELS = None} turns off Pillow's guard against
 * decompression bombs. A 100 KB PNG that declares 50,000 × 50,000 pixels then decodes into gigabytes, and one upload
 * OOM-kills the worker. Reported in service code and in modules a service or worker imports; a training script
 * reading its own dataset may lift the limit. A number keeps a limit ({@code = 40_000_000}) and is left alone.
 */
final class DecompressionBombRules implements NodeRule {
    private static final Pattern UNLIMITED = Pattern.compile(
            "None|(float\\(\\s*['\"]inf['\"]\\s*\\)|math\\.inf|sys\\.maxsize|numpy\\.inf|np\\.inf)");

    private static final byte[] SETTING = "MAX_IMAGE_PIXELS".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment");
    }

    @Override
    public void check(PyNode a, Scan scan) {
        PyNode left = a.field("left");
        PyNode right = a.field("right");
        // most assignments stop at the byte search, before any text is decoded
        if (!scan.role().production() || left == null || right == null || !left.is("attribute")
                || !left.textContains(SETTING) || !left.text().endsWith(".MAX_IMAGE_PIXELS") || !UNLIMITED.matcher(right.text().strip()).matches()
                || !scan.module.importsAny("PIL")) {
            return;
        }
        RepoCondition condition = scan.role() == FileRole.SERVICE ? null : RepoCondition.SERVICE_OR_WORKER_CODE;
        scan.emitIf(condition, "PY-INPUT-008", Category.NO_INPUT_VALIDATION, Severity.P1, a,
                "`" + left.text() + " = " + right.text().strip() + "` turns off Pillow's decompression-bomb guard: a "
                        + "small image file that declares 50,000 x 50,000 pixels decodes into gigabytes, and a single "
                        + "upload OOM-kills the process serving everyone else's requests.",
                "Image.MAX_IMAGE_PIXELS = 40_000_000   # ~6,300 x 6,300; large enough for phone panoramas\n"
                        + "# and answer 413 for anything bigger:\n"
                        + "except Image.DecompressionBombError:\n"
                        + "    raise HTTPException(status_code=413, detail=\"image too large\")");
    }
}
