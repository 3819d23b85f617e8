package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fast loader must give exactly jtokkit's o200k_base: same token ids for every text. */
class O200kLoaderTest {
    private static Encoding ours;
    private static Encoding theirs;

    @BeforeAll
    static void load() throws IOException {
        ours = O200kLoader.load();
        theirs = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    @Test
    void encodesEveryFixtureAndShippedTextExactlyAsJtokkit() {
        Map<Path, String> texts = TextFiles.under(Path.of("src/test/resources/fixtures"), Path.of("prompts"),
                Path.of("docs"));
        assertThat(texts).hasSizeGreaterThan(100);
        texts.forEach((f, text) -> assertThat(ours.encodeOrdinary(text).boxed()).as("%s", f)
                .isEqualTo(theirs.encodeOrdinary(text).boxed()));
    }

    @Test
    void encodesUnicodeWhitespaceNumbersAndContractionsExactlyAsJtokkit() {
        List<String> texts = new ArrayList<>(List.of("", " ", "\n\n\r\n\t  \u00a0", "they'll've I'M don't",
                "1234567 3.14159 ١٢٣٤", "naïve café Ωμέγα Привет 中文字符 日本語 한국어 العربية",
                "emoji \uD83D\uDE80\uD83E\uDDE0 and ZWJ \uD83D\uDC68\u200D\uD83D\uDCBB", "a/b//c\r\n/d",
                "<|endoftext|> is ordinary here", "    indented\n\tmixed \t tabs", "x".repeat(5000),
                "snake_case camelCase SCREAMING_CASE kebab-case", "\u0301\u0308 combining marks alone"));
        Random random = new Random(42);
        for (int n = 0; n < 300; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(80);
            for (int i = 0; i < len; i++) {
                int cp = switch (random.nextInt(5)) {
                    case 0 -> 32 + random.nextInt(95);
                    case 1 -> " \n\t'0123456789".charAt(random.nextInt(14));
                    case 2 -> 0xA0 + random.nextInt(0x2000);
                    case 3 -> 0x4E00 + random.nextInt(0x500);
                    default -> 0x1F300 + random.nextInt(0x300);
                };
                sb.appendCodePoint(cp);
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            assertThat(ours.encodeOrdinary(t).boxed()).as("%s", t).isEqualTo(theirs.encodeOrdinary(t).boxed());
            assertThat(ours.decode(ours.encodeOrdinary(t))).isEqualTo(t);
        }
        assertThat(ours.getName()).isEqualTo("o200k_base");
    }

    @Test
    void parsesTheRankFileFormatAndRejectsACorruptOne() throws IOException {
        O200kLoader.Ranks ranks = O200kLoader.parse("IQ== 0\nIg== 1\n\naGVsbG8= 7\n".getBytes(StandardCharsets.US_ASCII));
        List<String> seen = new ArrayList<>();
        ranks.forEach((k, v) -> seen.add(new String(k, StandardCharsets.US_ASCII) + "=" + v));
        assertThat(seen).containsExactly("!=0", "\"=1", "hello=7");
        assertThat(ranks).hasSize(3);
        assertThat(O200kLoader.parse("IQ== 0\r\nIg== 1".getBytes(StandardCharsets.US_ASCII))).hasSize(2);
        assertThatThrownBy(() -> O200kLoader.parse("IQ== x1\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> O200kLoader.parse("IQ==\nIg== 1\n".getBytes(StandardCharsets.US_ASCII)))
                .as("a line without its rank").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> O200kLoader.parse("I*== 1\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class);
    }
}
