package dev.srereview.context;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Every literal the context stage looks for in a file (secret prefixes, secret-sounding name endings,
 * imports, route decorators, manifest keys), found in one pass by an Aho–Corasick automaton over
 * ASCII-folded characters. One pass matters: the launcher runs the JVM without its optimising compiler,
 * where each {@code String.indexOf} is a plain loop, and 40,000 files times 30 needles was most of a scan.
 * Matching is case-insensitive; callers verify the exact shape at each hit.
 */
final class Needles {
    /** What a needle is for. */
    enum Use { TOKEN, PRIVATE_KEY, URL, NAME_END, IMPORT, ROUTE, TRAINING, K8S }

    record Needle(String text, Use use) {
    }

    static final List<Needle> ALL;
    static final int ALPHABET = 128;
    /**
     * Transitions, packed for the scan loops: {@code v = STEP[(v >>> 1) | (byte & 0x7f)]} where {@code v} holds
     * the next state shifted left by 8 and, in bit 0, whether any needle ends there ({@code OUTPUT[v >>> 8]}).
     * One table load per character and no separate output check: this is the innermost loop of a scan. Upper
     * case is folded in. A non-ASCII byte is read as its low 7 bits: that can only add candidates (every needle
     * is ASCII and callers verify), never lose one.
     */
    static final int[] STEP;
    /** For each state, the needle ids that end there (through failure links too), or null. */
    static final int[][] OUTPUT;
    /** Needle lengths by id, to turn an end offset into a start. */
    static final int[] LENGTH;

    static {
        List<Needle> n = new ArrayList<>();
        for (String t : List.of("sk-", "sk_live_", "rk_live_", "akia", "asia", "abia", "acca", "a3t", "aiza", "hf_",
                "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox", "hooks.slack.com/services/",
                "discord.com/api/webhooks/", "discordapp.com/api/webhooks/", "eyj", "sk_test_", "rk_test_", "glpat-", "sg.", "accountkey=", "bearer ", "basic ", "key=", "token=",
                "secret=", "sig=", "signature=", "password=", "auth=(", "httpbasicauth(", "-password", "-passwd", "-u ",
                "mysql ", "-p ", "password ", "password is ", "password was ", "passwd is ", "token is ", "secret is ", "api key is ",
                "password: ", "requirepass", "kaggle_key")) {
            n.add(new Needle(t, Use.TOKEN));
        }
        n.add(new Needle("-----begin ", Use.PRIVATE_KEY));
        n.add(new Needle("://", Use.URL));
        for (String t : List.of("password", "passwd", "pwd", "pass", "passphrase", "pw", "secret", "token", "key",
                "credential", "credentials", "auth", "passwords", "secrets", "tokens", "keys")) {
            n.add(new Needle(t, Use.NAME_END));
        }
        n.add(new Needle("import ", Use.IMPORT));
        n.add(new Needle("from ", Use.IMPORT));
        for (String t : List.of("@app.", "@router.", "@bp.route", "@blueprint.route", "@api.route", "@serve.deployment",
                ".add_url_rule(", "uvicorn.run(", "app.run(", "serve.run(", "@bentoml.", "@svc.api", "httpserver(",
                "app.listen(", "listenandserve(", "@restcontroller", "springapplication.run(", "express()")) {
            n.add(new Needle(t, Use.ROUTE));
        }
        for (String t : List.of("loss.backward(", "optimizer.step(", ".fit(", "trainer(", "trainer.train(",
                "train_test_split(")) {
            n.add(new Needle(t, Use.TRAINING));
        }
        n.add(new Needle("apiversion", Use.K8S));
        n.add(new Needle("kind", Use.K8S));
        ALL = List.copyOf(n);
        Automaton a = new Automaton(ALL);
        STEP = a.step;
        OUTPUT = a.output;
        LENGTH = ALL.stream().mapToInt(x -> x.text().length()).toArray();
    }

    private Needles() {
    }

    /** Hits of one text: needle id and start offset, in text order. */
    static final class Hits {
        private int[] ids = new int[16];
        private int[] starts = new int[16];
        private int size;

        /** Records every needle ending at {@code end} (inclusive offset). */
        void addAll(int[] idsEndingHere, int end) {
            for (int id : idsEndingHere) {
                add(id, end + 1 - LENGTH[id]);
            }
        }

        /** Drops hits that do not lie wholly before {@code limit} (after the text was cut there). */
        void truncate(int limit) {
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (starts[i] + LENGTH[ids[i]] <= limit) {
                    ids[k] = ids[i];
                    starts[k] = starts[i];
                    k++;
                }
            }
            size = k;
        }

        void add(int id, int start) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
            }
            ids[size] = id;
            starts[size] = start;
            size++;
        }

        int size() {
            return size;
        }

        int start(int i) {
            return starts[i];
        }

        Needle needle(int i) {
            return ALL.get(ids[i]);
        }
    }

    static Hits scan(String text) {
        Hits hits = new Hits();
        int v = 0;
        int n = text.length();
        int[] step = STEP;
        for (int i = 0; i < n; i++) {
            v = step[(v >>> 1) | (text.charAt(i) & 0x7f)];
            if ((v & 1) != 0) {
                hits.addAll(OUTPUT[v >>> 8], i);
            }
        }
        return hits;
    }

    /** Builds the full transition table (goto plus failure links resolved) once. */
    private static final class Automaton {
        final int[] step;
        final int[][] output;

        Automaton(List<Needle> needles) {
            List<int[]> next = new ArrayList<>();
            List<List<Integer>> out = new ArrayList<>();
            next.add(newRow());
            out.add(new ArrayList<>());
            for (int id = 0; id < needles.size(); id++) {
                int s = 0;
                for (char c : needles.get(id).text().toCharArray()) {
                    if (next.get(s)[c] < 0) {
                        next.get(s)[c] = next.size();
                        next.add(newRow());
                        out.add(new ArrayList<>());
                    }
                    s = next.get(s)[c];
                }
                out.get(s).add(id);
            }
            int states = next.size();
            int[] fail = new int[states];
            int[] delta = new int[states * ALPHABET];
            Deque<Integer> queue = new ArrayDeque<>();
            for (int c = 0; c < ALPHABET; c++) {
                int t = next.get(0)[c];
                delta[c] = Math.max(t, 0);
                if (t > 0) {
                    fail[t] = 0;
                    queue.add(t);
                }
            }
            while (!queue.isEmpty()) {
                int s = queue.poll();
                out.get(s).addAll(out.get(fail[s]));
                for (int c = 0; c < ALPHABET; c++) {
                    int t = next.get(s)[c];
                    if (t > 0) {
                        fail[t] = delta[fail[s] * ALPHABET + c];
                        delta[s * ALPHABET + c] = t;
                        queue.add(t);
                    } else {
                        delta[s * ALPHABET + c] = delta[fail[s] * ALPHABET + c];
                    }
                }
            }
            for (int st = 0; st < states; st++) {
                for (int c = 'A'; c <= 'Z'; c++) {
                    delta[st * ALPHABET + c] = delta[st * ALPHABET + c + 32];
                }
            }
            output = new int[states][];
            for (int s = 0; s < states; s++) {
                if (!out.get(s).isEmpty()) {
                    output[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
                }
            }
            step = new int[delta.length];
            for (int i = 0; i < delta.length; i++) {
                int t = delta[i];
                step[i] = t << 8 | (output[t] != null ? 1 : 0);
            }
        }

        private static int[] newRow() {
            int[] r = new int[ALPHABET];
            Arrays.fill(r, -1);
            return r;
        }
    }
}
