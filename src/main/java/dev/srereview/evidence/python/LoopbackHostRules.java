package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hardcoded-config, the container case: a service or worker that reaches a backing service at {@code localhost}
 * ({@code redis.Redis(host="localhost")}, {@code GATEWAY = "http://localhost:8080/v1/chat"}) in a repository that
 * deploys its processes as separate containers or dynos ({@link SeparateContainers}). There {@code localhost} is the
 * process's own container: it worked on the laptop, and in the deployment every connection is refused. A default of
 * an environment lookup, a settings field, a command-line default, a bind address, a self-check of the process's own
 * port and a {@code __main__} block are left alone, as is anything under Kubernetes alone (a sidecar is on localhost).
 */
final class LoopbackHostRules implements NodeRule {
    private static final byte[] LOCALHOST = "localhost".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] LOOPBACK = "127.0.0.1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Pattern URL = Pattern.compile(
            "(?i)([a-z][a-z0-9+.-]*)://(?:[^@/\\s]*@)?(localhost|127\\.0\\.0\\.1)(?::(\\d{2,5}))?([/?#]\\S*)?");
    /** localhost, 127.0.0.1, or host:port lists of them (Kafka's bootstrap servers). */
    private static final Pattern HOST = Pattern.compile(
            "(?:localhost|127\\.0\\.0\\.1)(?::\\d{2,5})?(?:,(?:localhost|127\\.0\\.0\\.1)(?::\\d{2,5})?)*");
    /** Keywords that name where a client connects. */
    private static final Set<String> TARGET_KEYWORDS = Set.of("host", "url", "base_url", "endpoint", "endpoint_url",
            "uri", "hosts", "bootstrap_servers", "broker", "backend", "dsn", "api_base", "server_url", "tracking_uri");
    /** Clients of backing services: what their host or URL argument names is another process. */
    private static final Set<String> CLIENTS = Set.of("Redis", "StrictRedis", "from_url", "ConnectionPool",
            "MongoClient", "AsyncIOMotorClient", "connect", "create_engine", "create_async_engine",
            "ConnectionParameters", "URLParameters", "QdrantClient", "AsyncQdrantClient", "Elasticsearch",
            "AsyncElasticsearch", "OpenSearch", "KafkaProducer", "KafkaConsumer", "AIOKafkaProducer",
            "AIOKafkaConsumer", "InferenceServerClient", "OpenAI", "AsyncOpenAI", "Celery", "HttpClient", "Client",
            "AsyncClient", "ChatOpenAI", "ChatOllama", "Ollama", "MlflowClient", "set_tracking_uri", "Minio");
    /** Outbound HTTP calls: a URL argument is where the request goes. */
    private static final Set<String> HTTP_CALLS = Set.of("get", "post", "put", "patch", "delete", "request",
            "urlopen", "stream", "Request");
    /** Module constants that hold a loopback URL for another reason: CORS origins, bind addresses, links. */
    private static final Pattern NOT_A_TARGET = Pattern.compile(
            "(?i)ALLOW|ORIGIN|CORS|BIND|LISTEN|REDIRECT|CALLBACK|PUBLIC|FRONTEND|DOCS|LINK|EXAMPLE|DEFAULT");
    private static final Pattern SELF_PATH = Pattern.compile("(?i)/(health|healthz|ping|ready|readyz|live|livez|metrics)\\b");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("string");
    }

    @Override
    public void check(PyNode s, Scan scan) {
        if (!scan.role().production() || s.parent == null
                || !scan.module.mentions("localhost") && !scan.module.mentions("127.0.0.1")
                || !s.textContains(LOCALHOST) && !s.textContains(LOOPBACK)) {
            return;
        }
        // an f-string is judged by its text before the first interpolation: f"http://localhost:8000/score/{item}"
        String v = Syntax.isInterpolated(s) ? interpolatedPrefix(s) : Syntax.literal(s);
        if (v == null || scan.module.inMainGuard(s)) {
            return;
        }
        Matcher url = URL.matcher(v);
        boolean isUrl = url.matches();
        String scheme = isUrl ? url.group(1).toLowerCase(java.util.Locale.ROOT) : "";
        boolean http = scheme.equals("http") || scheme.equals("https") || scheme.equals("ws") || scheme.equals("wss");
        String port = isUrl ? url.group(3) : null;
        boolean target = isUrl ? urlTarget(s, url, scan.module) : HOST.matcher(v).matches() && hostArgument(s);
        // the process calling a port it serves itself (a warm-up, a self-check) is in its own container by definition
        if (!target || http && port != null && servesPort(scan.module, port)
                || http && url.group(4) != null && SELF_PATH.matcher(url.group(4)).find()
                || !scan.first("loopback:" + v)) {
            return;
        }
        RepoCondition layout = http ? RepoCondition.SEPARATE_APP_CONTAINERS : RepoCondition.SEPARATE_CONTAINERS;
        Set<RepoCondition> conditions = scan.role() == FileRole.SERVICE ? Set.of(layout)
                : Set.of(layout, RepoCondition.SERVICE_OR_WORKER_CODE);
        String name = scheme.startsWith("redis") ? "REDIS_URL" : scheme.startsWith("postgres") ? "DATABASE_URL"
                : scheme.startsWith("mongodb") ? "MONGO_URL" : scheme.startsWith("amqp") ? "BROKER_URL"
                : isUrl ? "UPSTREAM_URL" : "BACKEND_HOST";
        scan.emitIf(conditions, "PY-CONFIG-003", Category.HARDCODED_CONFIG, Severity.P2, s,
                "`" + v + "` is fixed in code, and this repository runs its processes in separate containers "
                        + "(compose services, Render services or Procfile dynos): there `localhost` is this process's "
                        + "own container, so every connection is refused in the deployment although it worked on the "
                        + "laptop where everything ran on one host.",
                name + " = os.environ[\"" + name + "\"]   # compose: " + name + ": "
                        + (isUrl ? v.replaceFirst("(?i)localhost|127\\.0\\.0\\.1", "<service-name>") : "<service-name>")
                        + "\n# the other container is reached by its service name, never by localhost");
    }

    /**
     * A loopback URL where a connection is made: a module constant (not one only handed to an environment lookup as
     * its default), or a client's or HTTP call's target argument.
     */
    private static boolean urlTarget(PyNode s, Matcher url, PyModule m) {
        PyNode p = s.parent;
        if (p.is("assignment")) {
            PyNode left = p.field("left");
            boolean moduleLevel = p.parent != null && p.parent.is("expression_statement") && p.parent.parent != null
                    && p.parent.parent.is("module");
            // http://localhost/ with no port may be a proxy in the same container; a port or a backing scheme is not
            boolean backing = url.group(3) != null || !url.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("http");
            return moduleLevel && p.field("right") == s && left != null && left.is("identifier")
                    && !NOT_A_TARGET.matcher(left.text()).find() && backing && !environmentDefault(m, left.text());
        }
        PyNode call = callOf(s);
        if (call == null) {
            return false;
        }
        String name = Syntax.calleeName(call);
        return CLIENTS.contains(name) || HTTP_CALLS.contains(name);
    }

    /**
     * {@code host="localhost"}, {@code redis.Redis("localhost", 6379)}, {@code bootstrap_servers="localhost:9092"}:
     * given to a client of a backing service (not to a server it binds).
     */
    private static boolean hostArgument(PyNode s) {
        PyNode call = callOf(s);
        return call != null && CLIENTS.contains(Syntax.calleeName(call));
    }

    /** {@code BROKER = os.environ.get("REDIS_URL", REDIS_URL)}: the constant is the lookup's fallback. */
    private static boolean environmentDefault(PyModule m, String name) {
        return m.sourceMatches(Pattern.compile("(?:getenv|environ\\.get|environ\\.setdefault|getattr)\\([^()]*,\\s*"
                + Pattern.quote(name) + "\\s*\\)"));
    }

    /** The text of an f-string up to its first interpolation, without the prefix and the quotes. */
    private static String interpolatedPrefix(PyNode s) {
        String t = s.text();
        int q = 0;
        while (q < t.length() && t.charAt(q) != '"' && t.charAt(q) != '\'') {
            q++;
        }
        int start = t.startsWith("\"\"\"", q) || t.startsWith("\'\'\'", q) ? q + 3 : q + 1;
        int brace = t.indexOf('{', start);
        return start >= t.length() || brace < 0 ? null : t.substring(start, brace);
    }

    /** The call {@code s} is the first positional argument of, or a target keyword's value in; null otherwise. */
    private static PyNode callOf(PyNode s) {
        PyNode p = s.parent;
        if (p.is("keyword_argument")) {
            PyNode name = p.field("name");
            PyNode call = p.parent == null ? null : p.parent.parent;
            return name != null && TARGET_KEYWORDS.contains(name.text()) && call != null && call.is("call") ? call : null;
        }
        if (p.is("argument_list") && p.parent != null && p.parent.is("call") && Syntax.positional(p.parent, 0) == s) {
            return p.parent;
        }
        return null;
    }

    /**
     * The module binds {@code port} itself ({@code run(port=8000)}, {@code PORT = 8000}, {@code "PORT", "8000"},
     * {@code --port 8000}; not {@code REDIS_PORT = 6379}): a call to it is a self-check.
     */
    private static boolean servesPort(PyModule m, String port) {
        return m.sourceMatches(Pattern.compile("(?<![A-Za-z0-9_])(?:port|PORT)\\s*=\\s*[\"']?" + port
                + "\\b|[\"']PORT[\"']\\s*,\\s*[\"']?" + port + "\\b|--port[= ]" + port + "\\b"));
    }
}
