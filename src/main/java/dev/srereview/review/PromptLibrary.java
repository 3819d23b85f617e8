package dev.srereview.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompts kept as data files under prompts/ (shipped inside the jar), with {{name}} placeholders.
 * Kept as data so the persona can be read and changed without touching code.
 */
public final class PromptLibrary {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String persona;
    private final String reviewRequest;

    public PromptLibrary() {
        this(load("prompts/persona.md"), load("prompts/review-request.md"));
    }

    public PromptLibrary(String persona, String reviewRequest) {
        this.persona = persona;
        this.reviewRequest = reviewRequest;
    }

    /** The system prompt: the SRE persona and the exact reply format. */
    public String persona() {
        return persona;
    }

    /** SHA-256 of the persona, so a transcript records which persona produced it. */
    public String personaHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(persona.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The first user message of a review, with target, evidence, artifacts and files filled in. */
    public String reviewRequest(Map<String, String> values) {
        return fill(reviewRequest, values);
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt placeholder {{" + m.group(1) + "}} has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String load(String resource) {
        try (InputStream in = PromptLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + resource, e);
        }
    }
}
