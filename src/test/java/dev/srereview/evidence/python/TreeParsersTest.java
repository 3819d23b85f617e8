package dev.srereview.evidence.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The native parser must build the very tree the binding builds, so every rule sees the same code either way. */
class TreeParsersTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void theNativeParserIsBuiltWhereTheBuildRequiresIt() {
        NativePython.Status status = NativePython.status();
        if (Boolean.parseBoolean(System.getProperty("sre.native.required", "false"))) {
            assertThat(status.loaded()).as("native parser: %s (see src/main/native/build.sh; "
                    + "-Dsre.native.required=false tests the fallback alone)", status.detail()).isTrue();
        }
        assertThat(status.detail()).isNotBlank();
    }

    static Stream<Path> pythonFixtures() throws IOException {
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
            return files.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pythonFixtures")
    void nativeAndBindingTreesAreIdenticalOnEveryFixture(Path file) throws IOException {
        assertSameTree(Files.readString(file));
    }

    @Test
    void nativeAndBindingTreesAreIdenticalOnBrokenAndUnusualSource() {
        assertSameTree("");
        assertSameTree("def broken(:\n    return [1, 2\nclass X(\n");
        assertSameTree("x = 1\r\ny = 'caf\u00e9 \u4e2d\u6587'\r\nif x:\n\tprint(y)  # tab\n");
        assertSameTree("@app.route('/p', methods=['POST'])\ndef p():\n    return requests.get(url)\n" .repeat(300));
        assertSameTree("f(" + "(".repeat(500) + "1" + ")".repeat(500) + ")\n");
        assertSameTree("async def h(request):\n    async with s.get(u) as r:\n        yield await r.json()\n");
    }

    /** Hidden rules, aliases, fields and extras (comments, continuations) in the middle of productions. */
    @Test
    void nativeAndBindingTreesAreIdenticalOnHiddenNodesAliasesAndExtras() {
        assertSameTree("""
                @decorator  # comment between decorators
                @other(a,  # inside the arguments
                       b=1)
                def f(a, /, b: int = 2, *args, c, d=3, **kw) -> "T":
                    global g
                    x = (yield)
                    if (n := len(a)) > 10 and not b or c: pass
                    y = a[1:2, ::3] if x else [*args, *kw]
                    del y; assert x, "msg"
                    total = 1 + \\
                        2
                    s = f"{x!r:>{width}} {y=}" 'implicit' "concat"
                    with (open(p) as fh, lock):
                        return lambda q=1, *r, **t: (q, r, t)
                match command.split():
                    case [action, obj] if obj: pass
                    case {"k": v, **rest}: pass
                    case Point(x=0) | None: pass
                    case _: pass
                print >>sys.stderr, "python 2"
                exec "code"
                type Alias = list[int]
                class C[T](Base, metaclass=M):
                    def g[U](self) -> U: nonlocal z
                """);
    }

    @Test
    void nativeOffsetsAreTrueUtf8AfterAnEmoji() {
        assumeTrue(NativePython.status().loaded(), "native parser not built");
        String src = "label = '\uD83D\uDE80 launch'\nrequests.get(url)\n";
        PyNode root = new NativeTreeParser().parse(src, src.getBytes(StandardCharsets.UTF_8));
        PyNode call = find(root, "call");
        assertThat(call.text()).isEqualTo("requests.get(url)");
        assertThat(call.line()).isEqualTo(2);
    }

    @Test
    void aParserIsReusedAcrossFilesWithoutCarryingState() {
        assumeTrue(NativePython.status().loaded(), "native parser not built");
        NativeTreeParser parser = new NativeTreeParser();
        String a = "import os\nos.system(cmd)\n";
        String b = "def f(:\n";
        String first = dump(parser.parse(a, a.getBytes(StandardCharsets.UTF_8)));
        parser.parse(b, b.getBytes(StandardCharsets.UTF_8));
        assertThat(dump(parser.parse(a, a.getBytes(StandardCharsets.UTF_8)))).isEqualTo(first);
    }

    @Test
    void aSmallFileAfterALargeOneReadsOnlyItsOwnRecords() {
        assumeTrue(NativePython.status().loaded(), "native parser not built");
        NativeTreeParser parser = new NativeTreeParser();
        String large = "x = 1\n".repeat(5_000) + "def big(a, b):\n    return [a, b, {'k': (a, b)}]\n";
        String small = "y = f(2)\n";
        parser.parse(large, large.getBytes(StandardCharsets.UTF_8)); // leaves a long record buffer for reuse
        String reused = dump(parser.parse(small, small.getBytes(StandardCharsets.UTF_8)));
        assertThat(reused).isEqualTo(dump(new NativeTreeParser().parse(small, small.getBytes(StandardCharsets.UTF_8))));
        assertThat(reused).doesNotContain("function_definition");
    }

    @Test
    void rulesFindTheSameEvidenceWithEitherParser() {
        assumeTrue(NativePython.status().loaded(), "native parser not built");
        var snap = dev.srereview.context.TestSnapshots.of(
                "app.py", "from flask import Flask\nimport requests, pickle\napp = Flask(__name__)\n"
                        + "@app.route('/predict', methods=['POST'])\ndef predict():\n"
                        + "    try:\n        return requests.get('http://svc/x')\n    except:\n        pass\n"
                        + "    return pickle.loads(request.data)\n");
        var viaNative = new PythonRules(2, NativeTreeParser::new).analyze(snap);
        var viaBinding = new PythonRules(2, BindingTreeParser::new).analyze(snap);
        assertThat(viaNative).isNotEmpty().isEqualTo(viaBinding);
    }

    private static void assertSameTree(String src) {
        assumeTrue(NativePython.status().loaded(), "native parser not built");
        byte[] utf8 = src.getBytes(StandardCharsets.UTF_8);
        assumeTrue(utf8.length == modifiedUtf8Length(src), "outside the BMP the binding's offsets differ by design");
        PyNode binding = new BindingTreeParser().parse(src, utf8);
        PyNode nativeRoot = new NativeTreeParser().parse(src, utf8);
        assertThat(dump(nativeRoot)).isEqualTo(dump(binding));
        assertInterned(binding);
        assertInterned(nativeRoot);
    }

    /** PyNode.is and field compare by identity: every type and field name must be the interned string. */
    private static void assertInterned(PyNode root) {
        root.visit(false, n -> {
            assertThat(n.type).isSameAs(n.type.intern());
            if (n.field != null) {
                assertThat(n.field).isSameAs(n.field.intern());
            }
        });
    }

    private static int modifiedUtf8Length(String s) {
        return (int) s.codePoints().mapToLong(cp -> cp > 0xFFFF ? 6 : new String(Character.toChars(cp))
                .getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static String dump(PyNode root) {
        StringBuilder out = new StringBuilder();
        List<PyNode> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            PyNode n = stack.remove(stack.size() - 1);
            out.append(n.type).append(' ').append(n.field).append(' ').append(n.startByte).append('-')
                    .append(n.endByte).append(' ').append(n.startRow).append('-').append(n.endRow).append(' ')
                    .append(n.children.length).append(' ').append(n.parent == null ? "root" : n.parent.type)
                    .append('\n');
            for (int i = n.children.length - 1; i >= 0; i--) {
                stack.add(n.children[i]);
            }
        }
        return out.toString();
    }

    private static PyNode find(PyNode n, String type) {
        if (n.is(type)) {
            return n;
        }
        for (PyNode c : n.children) {
            PyNode f = find(c, type);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
