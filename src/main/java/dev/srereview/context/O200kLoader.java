package dev.srereview.context;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * jtokkit's o200k_base encoding, built through jtokkit's public API from jtokkit's own rank file, in about half
 * the time jtokkit's loader takes (docs/context.md, "Speed and memory"). The library's loader splits 200,000
 * lines with a regex, decodes them with {@link java.util.Base64} into an intermediate HashMap, and then the
 * encoder copies that map again; here the file is parsed in one pass over its bytes into two arrays that the
 * encoder reads directly. The pattern and special tokens are the library's own for o200k_base (jtokkit 1.1.0);
 * {@code TokenCounterTest} proves the counts identical to the library's encoding.
 */
final class O200kLoader {
    static final String NAME = "o200k_base";
    private static final String RANKS = "/com/knuddels/jtokkit/o200k_base.tiktoken";
    private static final String[] PATTERN_PARTS = {
        "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
        "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
        "\\p{N}{1,3}",
        " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
        "\\s*[\\r\\n]+",
        "\\s+(?!\\S)",
        "\\s+",
    };
    private static final int[] BASE64 = new int[128];

    static {
        java.util.Arrays.fill(BASE64, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = i;
        }
    }

    private O200kLoader() {
    }

    static Encoding load() throws IOException {
        byte[] file;
        try (InputStream in = Encodings.class.getResourceAsStream(RANKS)) {
            if (in == null) {
                throw new IOException(RANKS + " is not in the jtokkit jar");
            }
            file = in.readAllBytes();
        }
        Ranks ranks = parse(file);
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        registry.registerGptBytePairEncoding(new GptBytePairEncodingParams(NAME, pattern(), ranks,
                Map.of("<|endoftext|>", 199999, "<|endofprompt|>", 200018)));
        return registry.getEncoding(NAME).orElseThrow(() -> new IOException(NAME + " did not register"));
    }

    /** As jtokkit compiles it: Unicode character classes where the JDK allows them. */
    private static Pattern pattern() {
        String p = String.join("|", PATTERN_PARTS);
        try {
            return Pattern.compile(p, Pattern.UNICODE_CHARACTER_CLASS);
        } catch (IllegalArgumentException e) {
            return Pattern.compile(p);
        }
    }

    /** Lines of "BASE64 RANK\n". */
    static Ranks parse(byte[] file) throws IOException {
        int lines = 0;
        for (byte b : file) {
            if (b == '\n') {
                lines++;
            }
        }
        byte[][] tokens = new byte[lines + 1][];
        int[] ranks = new int[lines + 1];
        int count = 0;
        int i = 0;
        while (i < file.length) {
            if (file[i] == '\n' || file[i] == '\r') {
                i++; // blank lines and line ends
                continue;
            }
            int start = i;
            while (i < file.length && file[i] != ' ' && file[i] != '\n' && file[i] != '\r') {
                i++;
            }
            int space = i;
            if (space >= file.length || file[space] != ' ') {
                throw new IOException("no rank on line " + (count + 1) + " of " + RANKS);
            }
            int rank = 0;
            int digits = 0;
            for (i++; i < file.length && file[i] != '\n' && file[i] != '\r'; i++) {
                int d = file[i] - '0';
                if (d < 0 || d > 9) {
                    throw new IOException("bad rank on line " + (count + 1) + " of " + RANKS);
                }
                rank = rank * 10 + d;
                digits++;
            }
            if (digits == 0) {
                throw new IOException("bad line " + (count + 1) + " of " + RANKS);
            }
            tokens[count] = decode(file, start, space);
            ranks[count] = rank;
            count++;
        }
        return new Ranks(tokens, ranks, count);
    }

    private static byte[] decode(byte[] s, int from, int to) throws IOException {
        int len = to - from;
        int pad = 0;
        while (len - pad > 0 && s[to - 1 - pad] == '=') {
            pad++;
        }
        if (len % 4 != 0 || pad > 2) {
            throw new IOException("bad base64 in " + RANKS);
        }
        byte[] out = new byte[len / 4 * 3 - pad];
        int o = 0;
        for (int i = from; i < to; i += 4) {
            int bits = 0;
            for (int k = 0; k < 4; k++) {
                int c = s[i + k];
                int v = c == '=' ? 0 : c >= 0 && c < 128 ? BASE64[c] : -1;
                if (v < 0) {
                    throw new IOException("bad base64 in " + RANKS);
                }
                bits = bits << 6 | v;
            }
            for (int k = 2; k >= 0 && o < out.length; k--) {
                out[o++] = (byte) (bits >> (k * 8));
            }
        }
        return out;
    }

    /** The rank table as the read-only map jtokkit's encoder iterates (it only calls isEmpty and forEach). */
    static final class Ranks extends AbstractMap<byte[], Integer> {
        private final byte[][] tokens;
        private final int[] ranks;
        private final int size;

        Ranks(byte[][] tokens, int[] ranks, int size) {
            this.tokens = tokens;
            this.ranks = ranks;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public void forEach(BiConsumer<? super byte[], ? super Integer> action) {
            for (int i = 0; i < size; i++) {
                action.accept(tokens[i], ranks[i]);
            }
        }

        @Override
        public Set<Entry<byte[], Integer>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Entry<byte[], Integer>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<byte[], Integer> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(tokens[i], ranks[i]);
                        }
                    };
                }
            };
        }
    }
}
