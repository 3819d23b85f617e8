package dev.srereview.context;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.ModelType;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts tokens in the model's encoding with jtokkit. Accepts an encoding name ({@code o200k_base},
 * {@code cl100k_base}) or a model name ({@code gpt-4o-mini}); anything unknown falls back to
 * {@code cl100k_base} with a warning. Special-token text such as {@code <|endoftext|>} in a repository is
 * counted as ordinary text, as the API would see it. Thread-safe: jtokkit encodings are immutable.
 */
public final class TokenCounter {
    private static final Logger LOG = LoggerFactory.getLogger(TokenCounter.class);
    public static final String DEFAULT_ENCODING = "o200k_base";

    /**
     * Loading an encoding costs a few hundred CPU milliseconds (o200k_base through {@link O200kLoader}, about
     * half of jtokkit's own loader): it runs in the background, overlapping the scan.
     */
    private final CompletableFuture<Encoding> encoding;

    public TokenCounter(String encodingName) {
        this.encoding = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                encoding.complete(resolve(encodingName));
            } catch (RuntimeException | Error e) {
                encoding.completeExceptionally(e);
            }
        }, "token-encoding-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private Encoding encoding() {
        return encoding.join();
    }

    private static Encoding resolve(String name) {
        String wanted = name == null || name.isBlank() ? DEFAULT_ENCODING : name.strip();
        if (isO200k(wanted)) {
            try {
                return O200kLoader.load();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Fast o200k_base load failed ({}); using jtokkit's loader", e.toString());
            }
        }
        // Lazy: only the one encoding asked for is loaded (each costs tens of MB and a few hundred ms).
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        Optional<Encoding> byName = registry.getEncoding(wanted);
        if (byName.isPresent()) {
            return byName.get();
        }
        Optional<Encoding> byModel = registry.getEncodingForModel(wanted);
        if (byModel.isPresent()) {
            return byModel.get();
        }
        LOG.warn("Unknown token encoding '{}'; counting with cl100k_base instead", wanted);
        return registry.getEncoding(EncodingType.CL100K_BASE);
    }

    private static boolean isO200k(String wanted) {
        EncodingType type = EncodingType.fromName(wanted)
                .or(() -> ModelType.fromName(wanted).map(ModelType::getEncodingType)).orElse(null);
        return type == EncodingType.O200K_BASE;
    }

    /** The encoding actually used (after any fallback). */
    public String encodingName() {
        return encoding().getName();
    }

    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return encoding().countTokensOrdinary(text);
    }
}
