package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hardcoded-config: internal hosts, IPs, absolute paths and model locations fixed in served code. A default
 * inside {@code os.getenv(...)}/{@code os.environ.get(...)} is configuration, not hard-coding: not reported.
 */
final class HardcodedConfigRules implements NodeRule {
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])((?:\\d{1,3}\\.){3}\\d{1,3})(?![\\d.])");
    private static final Pattern URL = Pattern.compile("^[a-z][a-z0-9+.-]*://(?:[^@/]*@)?([^/:?#]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABS_PATH = Pattern.compile(
            "^(/(home|Users|mnt|data|opt|srv|root|content|workspace|models|storage|nfs|scratch|app)/[^\\s]+|"
                    // an application's data under /var (not /var/run, /var/log, /var/tmp, /var/lib/apt...: the system's own)
                    + "/var/(data|models?|ml|app|www|opt|lib/(?!apt|dpkg|docker)[\\w.-]+)(/[^\\s]*)?|"
                    + "[A-Za-z]:\\\\[^\\s\\\\]+\\\\[^\\s]+)$");
    private static final Pattern INTERNAL_HOST = Pattern.compile(
            "(?i)^[a-z0-9-]+$|\\.(internal|local|lan|corp|svc|cluster\\.local|intra)$|[.-](internal|intranet)\\.|\\.rds\\.amazonaws\\.com$|"
                    + "\\.cache\\.amazonaws\\.com$|\\.database\\.windows\\.net$|^(sqs|sns|kinesis)\\.[a-z0-9-]+\\.amazonaws\\.com$"
                    // one tenant's resource on a cloud (a workspace, an account, a deployment): dev and prod differ;
                    // the providers' own hosts (api., docs., accounts., www., console.) are not anyone's resource
                    + "|^(?!(api|docs|www|accounts|console|app|login|portal|status|qstash)\\.)[a-z0-9-]+(\\.[a-z0-9-]+)*"
                    + "\\.(azuredatabricks\\.net|cloud\\.databricks\\.com|snowflakecomputing\\.com|openai\\.azure\\.com"
                    + "|blob\\.core\\.windows\\.net|documents\\.azure\\.com|servicebus\\.windows\\.net"
                    + "|redis\\.cache\\.windows\\.net|execute-api\\.[a-z0-9-]+\\.amazonaws\\.com|elb\\.amazonaws\\.com"
                    + "|es\\.amazonaws\\.com|mongodb\\.net|svc\\.[a-z0-9-]+\\.pinecone\\.io|cloud\\.qdrant\\.io|supabase\\.co"
                    // managed databases and caches: one tenant's instance per host name
                    + "|neon\\.tech|postgres\\.database\\.azure\\.com|aivencloud\\.com|render\\.com|upstash\\.io"
                    + "|cockroachlabs\\.cloud|psdb\\.cloud|elephantsql\\.com|redislabs\\.com|redis-cloud\\.com|rlwy\\.net)$");
    /** A cluster-internal DNS name, whatever the constant is called: triton.ml-prod.svc.cluster.local:8001. */
    private static final Pattern CLUSTER_HOST = Pattern.compile(
            "(?i)\\.(svc|cluster\\.local|internal)$");
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "0.0.0.0", "::1", "example.com");
    private static final Set<String> HOST_KW = Set.of("host", "hostname", "server", "endpoint_url", "base_url", "url");
    private static final Set<String> LOG_CALLS = Set.of("debug", "info", "warning", "warn", "error", "exception",
            "critical", "log");
    private static final Set<String> ROUTE_CALLS = Set.of("route", "add_url_rule", "add_api_route", "add_route", "path",
            "re_path", "mount", "redirect", "RedirectResponse", "register_blueprint", "include_router", "url_for",
            "add_static", "static");
    private static final Set<String> URL_PATH_KEYWORDS = Set.of("prefix", "url_prefix", "root_path", "static_url_path",
            "docs_url", "openapi_url", "redoc_url", "api_path");
    private static final Pattern PORT_SUFFIX = Pattern.compile(":\\d+$");
    private static final Pattern HOST_CHARS = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern NETWORK = Pattern.compile("\\d+\\.0\\.0\\.0");
    private static final Pattern HOST_NAME = Pattern.compile("\\w*(host|hostname|server)");
    /** host:port, or several of them comma-separated (Kafka's bootstrap servers). */
    private static final Pattern HOST_PORTS = Pattern.compile("[A-Za-z0-9.-]+:\\d{2,5}(,[A-Za-z0-9.-]+:\\d{2,5})*");
    /** settings.get("x", default), config.get(...): the default of a configuration lookup. */
    private static final Pattern CONFIG_OBJECT = Pattern.compile("(?i)(settings|config|conf|cfg|options|params|env)$");
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*/[A-Za-z0-9][\\w.-]*");
    /** A model's name without an org: a word, a dash or colon, more (gpt-4o-mini, llama3:8b, bert-base-uncased). */
    private static final Pattern MODEL_NAME = Pattern.compile(
            "[A-Za-z][\\w.]*[-:][\\w.:-]+|[A-Za-z0-9][\\w.-]*/[A-Za-z0-9][\\w.-]*");
    /** Constants about a model that are not its name: where it lives, how it is served. */
    private static final Pattern NOT_A_MODEL_NAME = Pattern.compile(
            "PATH|DIR|FILE|URL|URI|ROOT|BUCKET|HOST|PORT|TIMEOUT|VERSION|STAGE|KEY|SIZE|COUNT|TYPE");
    /** Relative file paths look the same: a directory of artefacts, or a file extension. */
    private static final Pattern NOT_A_MODEL = Pattern.compile(
            "(?i)^(models?|artifacts?|data|weights|checkpoints?|ckpt|outputs?|saved_models?|src|app|tmp)/|"
                    + "\\.(pkl|pickle|pt|pth|bin|onnx|joblib|json|txt|csv|h5|keras|safetensors|yaml|yml|py|npy|npz)$");
    private static final Set<String> MODEL_LOADERS = Set.of("pipeline", "SentenceTransformer", "CrossEncoder",
            "hf_hub_download", "snapshot_download", "WhisperModel", "LLM");
    private static final Set<String> MODEL_KEYWORDS = Set.of("model", "model_name", "model_id", "repo_id",
            "model_name_or_path", "pretrained_model_name_or_path", "model_size_or_path");

    /** RESULTS_BUCKET, S3_BUCKET_NAME; not BUCKET_REGION or BUCKET_PREFIX. */
    private static final Pattern BUCKET_CONSTANT = Pattern.compile("(?i)\\w*BUCKET(_NAME)?");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{2,62}");
    private static final Pattern DSN_HOST = Pattern.compile("(?:^|\\s)host=([^\\s;]+)");
    private static final Pattern ENDPOINT_NAME = Pattern.compile(
            "(?i)\\w*(target|addr|address|endpoint|servers?|brokers?|host|hostport|bootstrap)");
    /** LLM clients whose {@code model=} names a hosted model. */
    private static final Set<String> LLM_CALLS = Set.of("ChatOpenAI", "AzureChatOpenAI", "ChatAnthropic", "ChatOllama",
            "ChatMistralAI", "ChatGoogleGenerativeAI", "OpenAIEmbeddings", "completion", "acompletion", "OpenAI",
            "Ollama", "ChatGroq", "ChatVertexAI");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("string");
    }

    @Override
    public void check(PyNode s, Scan scan) {
        if (!scan.role().production() || s.parent == null) {
            return;
        }
        boolean modelConstant = modelConstant(s);
        boolean llmModel = !modelConstant && llmModelArgument(s, scan);
        boolean bucket = !modelConstant && !llmModel && bucketConstant(s);
        // Without '.', '/', ':' or an escape in its source, the value cannot hold any kind below: most literals
        // stop here, before they are decoded.
        boolean hostArgument = s.parent.is("keyword_argument") && s.parent.field("name") != null
                && CLIENT_HOST_KW.contains(s.parent.field("name").text());
        if (!modelConstant && !llmModel && !bucket && !hostArgument && !s.textContainsAny("./:\\")) {
            return;
        }
        String v = Syntax.literal(s);
        if (bucket && v != null && BUCKET_NAME.matcher(v).matches() && scan.first("cfg:" + v)) {
            String name = suggestedName(s, "bucket");
            scan.emit("PY-CONFIG-001", Category.HARDCODED_CONFIG, Severity.P3, s,
                    "The bucket `" + v + "` is fixed in code: staging writes into production's bucket (or fails on "
                            + "its permissions), and moving the data means a rebuild and a redeploy.",
                    name + " = os.environ[\"" + name + "\"]  # set per environment (Deployment env / ConfigMap)");
            return;
        }
        boolean model = v != null && ((modelConstant || llmModel) && MODEL_NAME.matcher(v).matches()
                || MODEL_ID.matcher(v).matches() && modelContext(s, scan)) && !NOT_A_MODEL.matcher(v).find();
        if (model && !ignoredContext(s, scan) && scan.first("cfg:" + v)) {
            String name = suggestedName(s, "model");
            scan.emit("PY-CONFIG-002", Category.HARDCODED_CONFIG, Severity.P3, s,
                    "The model `" + v + "` is fixed in code: trying, pinning or rolling back a model version means "
                            + "a new image and a redeploy instead of a config change, and nothing records which "
                            + "revision was served.",
                    name + " = os.environ.get(\"" + name + "\", \"" + v + "\")  # and pin it: revision=os.environ[\"MODEL_REVISION\"]");
            return;
        }
        if (v != null && serviceNameHost(s, v, scan)) {
            return;
        }
        // Every kind below needs "://", a drive letter, host:port, a leading '/' or a dot: most literals stop here,
        // before the context check resolves the enclosing call.
        if (v == null || v.length() < 4 || v.length() > 300
                || v.indexOf('.') < 0 && v.charAt(0) != '/' && v.charAt(1) != ':' && !v.contains("://")
                    && !colonDigit(v)
                || ignoredContext(s, scan)) {
            return;
        }
        String what = null;
        String kind = null;
        Matcher url = URL.matcher(v);
        Matcher ip = IPV4.matcher(v);
        if (url.find()) {
            String host = url.group(1).toLowerCase();
            if (!LOCAL.contains(host) && !host.startsWith("127.") && (IPV4.matcher(host).matches()
                    || INTERNAL_HOST.matcher(host).find() || clusterShortName(v, host))) {
                what = "the endpoint `" + v + "`";
                kind = "url";
            }
        } else if (dsnHost(v) != null) {
            what = "the connection string `" + v + "`";
            kind = "host";
        } else if (ABS_PATH.matcher(v).matches()) {
            what = "the absolute path `" + v + "`";
            kind = "path";
        } else if (ip.find() && ip.group(1).equals(PORT_SUFFIX.matcher(v).replaceAll(""))) {
            String addr = ip.group(1);
            if (!addr.startsWith("127.") && !addr.equals("0.0.0.0") && !addr.startsWith("255.") && validIp(addr)) {
                what = "the IP address `" + v + "`";
                kind = "ip";
            }
        } else if (isHostKeyword(s) && !LOCAL.contains(v.toLowerCase()) && HOST_CHARS.matcher(v).matches()
                && v.contains(".")) {
            what = "the host `" + v + "`";
            kind = "host";
        } else if (HOST_PORTS.matcher(v).matches() && !LOCAL.contains(v.substring(0, v.indexOf(':')).toLowerCase())
                && (endpointArgument(s, scan) || CLUSTER_HOST.matcher(v.substring(0, v.indexOf(':'))).find())) {
            what = "the address `" + v + "`";
            kind = "host";
        }
        if (what == null || !scan.first("cfg:" + v)) {
            return;
        }
        Severity sev = scan.role() == FileRole.SERVICE ? Severity.P2 : Severity.P3;
        String name = suggestedName(s, kind);
        scan.emit("PY-CONFIG-001", Category.HARDCODED_CONFIG, sev, s,
                what.substring(0, 1).toUpperCase() + what.substring(1) + " is fixed in code: the same image cannot "
                        + "run in staging and production, moving " + (kind.equals("path") ? "the file" : "the service")
                        + " needs a rebuild and redeploy, and the value silently breaks on any machine but the "
                        + "author's.",
                name + " = os.environ[\"" + name + "\"]  # set per environment (Deployment env / ConfigMap)");
    }

    /**
     * {@code http://drift-collector.monitoring:9400}: a Kubernetes service in another namespace, by its short name
     * (service.namespace). Plain http, an explicit port, and a last label no public name ends in.
     */
    private static boolean clusterShortName(String url, String host) {
        int dot = host.indexOf('.');
        if (dot < 0 || host.indexOf('.', dot + 1) >= 0 || !url.regionMatches(true, 0, "http://", 0, 7)) {
            return false;
        }
        String rest = url.substring(7 + url.substring(7).toLowerCase(java.util.Locale.ROOT).indexOf(host) + host.length());
        return rest.matches(":\\d{2,5}(?:[/?#].*)?") && !PUBLIC_TLD.contains(host.substring(dot + 1));
    }

    /** Common public top-level domains: api.example.io:8080 is not a cluster name. */
    private static final Set<String> PUBLIC_TLD = Set.of("com", "org", "net", "io", "ai", "dev", "app", "co", "cloud",
            "edu", "gov", "us", "uk", "de", "fr", "nl", "eu", "me", "info", "biz", "tech", "xyz", "sh", "run", "in",
            "jp", "cn", "ru", "br", "ca", "au", "ch", "se", "no", "fi", "es", "it", "pl", "be", "at", "dk", "cz",
            "kr", "tw", "sg", "hk", "nz", "za", "mx", "ar", "cl", "ie", "pt", "gr", "il", "tr", "ua", "vn", "id",
            "ml", "site", "online", "page", "tv", "cc", "ly", "gg", "so", "to", "host", "systems", "services");

    /** {@code RESULTS_BUCKET = "line3-results-prod"}: a module constant naming a storage bucket. */
    private static boolean bucketConstant(PyNode s) {
        PyNode p = s.parent;
        return p.is("assignment") && p.field("left") != null && p.field("left").is("identifier")
                && BUCKET_CONSTANT.matcher(p.field("left").text()).matches()
                && p.parent != null && p.parent.parent != null && p.parent.parent.is("module");
    }

    /**
     * {@code ChatOpenAI(model="gpt-4o-mini")}, {@code client.chat.completions.create(model="gpt-4o")}: a hosted
     * model's name handed to an LLM client call.
     */
    private static boolean llmModelArgument(PyNode s, Scan scan) {
        PyNode p = s.parent;
        if (!p.is("keyword_argument") || p.field("name") == null || !MODEL_KEYWORDS.contains(p.field("name").text())
                || p.parent == null || p.parent.parent == null || !p.parent.parent.is("call")) {
            return false;
        }
        PyNode call = p.parent.parent;
        String name = Syntax.calleeName(call);
        return LLM_CALLS.contains(name) || name.equals("create") && call.text().contains("completions")
                || name.equals("create") && call.text().startsWith("client.embeddings");
    }

    /** The host of a libpq key/value DSN ({@code "host=10.0.0.4 port=5432 dbname=x"}), unless it is local. */
    private static String dsnHost(String v) {
        if (!v.contains("host=")) {
            return null;
        }
        Matcher m = DSN_HOST.matcher(v);
        if (!m.find() || LOCAL.contains(m.group(1).toLowerCase(Locale.ROOT)) || m.group(1).startsWith("127.")
                || m.group(1).startsWith("$") || m.group(1).startsWith("{")) {
            return null;
        }
        return m.group(1);
    }

    /** {@code LLM_MODEL = "llama3:8b"}, {@code BASE_MODEL = "distilbert-base-uncased"}: a module constant naming a model. */
    private static boolean modelConstant(PyNode s) {
        PyNode p = s.parent;
        if (!p.is("assignment") || p.field("left") == null || !p.field("left").is("identifier")
                || p.parent == null || p.parent.parent == null || !p.parent.parent.is("module")) {
            return false;
        }
        String name = p.field("left").text().toUpperCase(Locale.ROOT);
        return name.contains("MODEL") && !NOT_A_MODEL_NAME.matcher(name).find();
    }

    /**
     * A Hugging Face model id ({@code org/name}) where a model is named: assigned to a *MODEL* name, or handed to
     * {@code from_pretrained}, {@code pipeline(model=…)}, {@code SentenceTransformer}, {@code hf_hub_download}.
     */
    private static boolean modelContext(PyNode s, Scan scan) {
        PyNode p = s.parent;
        if (p.is("assignment") && p.field("left") != null && p.field("left").is("identifier")) {
            return p.field("left").text().toUpperCase(Locale.ROOT).contains("MODEL");
        }
        PyNode call = p.is("argument_list") ? p.parent
                : p.is("keyword_argument") && p.parent != null ? p.parent.parent : null;
        if (call == null || !call.is("call")) {
            return false;
        }
        if (p.is("keyword_argument") && p.field("name") != null
                && !MODEL_KEYWORDS.contains(p.field("name").text())) {
            return false;
        }
        String name = Syntax.calleeName(call);
        return name.equals("from_pretrained") || MODEL_LOADERS.contains(name);
    }

    /** A ':' followed by a digit (host:port): cheaper than the pattern, for the many literals that have neither. */
    private static boolean colonDigit(String v) {
        for (int i = v.indexOf(':'); i >= 0 && i + 1 < v.length(); i = v.indexOf(':', i + 1)) {
            if (Character.isDigit(v.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean validIp(String a) {
        for (String part : a.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return !a.startsWith("0.") && (!NETWORK.matcher(a).matches() || a.startsWith("10."));
    }

    private static final Pattern SETTINGS_BASE = Pattern.compile("\\bBaseSettings\\b");

    /** Docstrings, log/print messages, os.getenv defaults, route paths and comparisons are not configuration. */
    private static boolean ignoredContext(PyNode s, Scan scan) {
        PyNode p = s.parent;
        if (p.is("expression_statement")) {
            return true;
        }
        if (p.is("concatenated_string")) {
            p = p.parent;
        }
        if (p.is("comparison_operator")) {
            return true;
        }
        if (p.is("binary_operator") && p.field("right") == s && p.field("left") != null && !p.field("left").is("string")) {
            return true; // BASE_URL + "/app/predict": a URL path under a configured base
        }
        if (p.is("keyword_argument") && p.field("name") != null && URL_PATH_KEYWORDS.contains(p.field("name").text())) {
            return true; // APIRouter(prefix="/app/api"), Blueprint(url_prefix="/app/ui"): URL paths, not files
        }
        if (p.is("assignment") && p.field("left") != null
                && p.field("left").text().toLowerCase().contains("version")) {
            return true;
        }
        if (p.is("argument_list") || p.is("keyword_argument")) {
            PyNode call = p.is("argument_list") ? p.parent : p.parent.parent;
            if (call != null && call.is("call")) {
                String q = scan.module.callee(call);
                String name = Syntax.calleeName(call);
                PyNode recv = Syntax.receiver(call);
                boolean configDefault = name.equals("get") && recv != null && Syntax.positional(call).size() > 1
                        && CONFIG_OBJECT.matcher(recv.text()).find();
                if (configDefault || q.equals("os.getenv") || q.endsWith("environ.get") || q.equals("os.environ.setdefault")
                        || name.equals("print") || LOG_CALLS.contains(name)
                        || name.equals("getenv") || name.equals("get") && call.text().contains("environ")
                        || envHelper(name, call)
                        || ROUTE_CALLS.contains(name)
                        // a command-line flag's default: the launcher (CMD, the pod's args) overrides it by name
                        || name.equals("add_argument") && p.is("keyword_argument") && p.field("name") != null
                            && p.field("name").text().equals("default")) {
                    return true;
                }
            }
        }
        return s.ancestor("decorator") != null || inSettingsClass(s);
    }

    private static final Pattern ENV_HELPER = Pattern.compile("(?i)^_*(get_?)?env(iron)?(_(str|int|float|bool|var|or|default|path))?$|^(read|load|from|getenv)_env$|^from_env$");
    private static final Pattern ENV_NAME = Pattern.compile("^[\"'][A-Z][A-Z0-9_]*[\"']$");

    /** A project's own environment lookup: {@code _env("MODEL_PATH", "/models/x.onnx")}, {@code get_env(...)}. */
    private static boolean envHelper(String name, PyNode call) {
        PyNode first = Syntax.positional(call, 0);
        return ENV_HELPER.matcher(name).find() && first != null && ENV_NAME.matcher(first.text()).matches();
    }

    /** A field default of a pydantic BaseSettings class: the environment overrides it by name, by design. */
    private static boolean inSettingsClass(PyNode s) {
        for (PyNode c = s.ancestor("class_definition"); c != null; c = c.ancestor("class_definition")) {
            PyNode bases = c.field("superclasses");
            if (bases != null && SETTINGS_BASE.matcher(bases.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a host:port literal is an endpoint: the target of a gRPC channel, a Kafka client's bootstrap servers
     * ({@code "bootstrap.servers": "kafka-0:9092"} in a config dict, or {@code bootstrap_servers=}).
     */
    private static boolean endpointArgument(PyNode s, Scan scan) {
        PyNode p = s.parent;
        if (p.is("pair") && p.field("key") != null) {
            String key = String.valueOf(Syntax.literal(p.field("key"))).toLowerCase(Locale.ROOT);
            return key.contains("bootstrap") || key.equals("brokers") || key.equals("broker");
        }
        if (p.is("keyword_argument") && p.field("name") != null) {
            return p.field("name").text().equals("bootstrap_servers") || p.field("name").text().equals("target");
        }
        if (p.is("assignment") && p.field("left") != null && p.field("left").is("identifier")) {
            return ENDPOINT_NAME.matcher(p.field("left").text()).matches(); // TFS_TARGET = "tf-serving:8500"
        }
        if (p.is("argument_list") && p.parent != null && p.parent.is("call") && Syntax.positional(p.parent, 0) == s) {
            String q = scan.module.callee(p.parent);
            return q.endsWith("insecure_channel") || q.endsWith("secure_channel");
        }
        return false;
    }

    /**
     * {@code redis.Redis(host="redis", port=6379)}: a client pointed at a fixed service name. It resolves only on the
     * one compose network or namespace that has a service of that name; the dotless name escapes the checks below.
     * Reported once; an environment lookup's default is not a literal in the call.
     */
    private boolean serviceNameHost(PyNode s, String v, Scan scan) {
        PyNode p = s.parent;
        if (!SERVICE_NAME.matcher(v).matches() || LOCAL.contains(v.toLowerCase()) || !p.is("keyword_argument")
                || p.field("name") == null || !CLIENT_HOST_KW.contains(p.field("name").text())
                || p.parent == null || p.parent.parent == null || !p.parent.parent.is("call")
                || !REMOTE_CLIENT.matcher(scan.module.callee(p.parent.parent)).find()
                || !scan.first("cfg:" + v)) {
            return false;
        }
        scan.emit("PY-CONFIG-001", Category.HARDCODED_CONFIG, scan.role() == FileRole.SERVICE ? Severity.P2
                        : Severity.P3, s,
                "The host `" + v + "` is fixed in code: it resolves only where a service of that exact name runs on "
                        + "the same network, so the same image cannot point at a managed instance, another namespace "
                        + "or a test double without a rebuild.",
                suggestedName(s, "host") + " = os.environ[\"" + suggestedName(s, "host") + "\"]  # or one URL: "
                        + "redis.Redis.from_url(os.environ[\"REDIS_URL\"])");
        return true;
    }

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{2,62}");
    private static final Set<String> CLIENT_HOST_KW = Set.of("host", "hostname");
    /** Clients of a network service, constructed with its host. */
    private static final Pattern REMOTE_CLIENT = Pattern.compile("^(redis|psycopg2?|pymysql|mysql|pymongo|pika|"
            + "kafka|confluent_kafka|elasticsearch|opensearchpy|qdrant_client|weaviate|pymilvus|clickhouse_connect|"
            + "asyncpg|aiomysql|motor|cassandra|memcache|pymemcache|tritonclient)\\b");

    private static boolean isHostKeyword(PyNode s) {
        PyNode p = s.parent;
        if (p.is("keyword_argument") && p.field("name") != null) {
            return HOST_KW.contains(p.field("name").text().toLowerCase());
        }
        if (p.is("assignment") && p.field("left") != null) {
            return HOST_NAME.matcher(p.field("left").text().toLowerCase()).matches();
        }
        return false;
    }

    private static String suggestedName(PyNode s, String kind) {
        PyNode p = s.parent;
        if (p.is("assignment") && p.field("left") != null && p.field("left").is("identifier")) {
            return p.field("left").text().toUpperCase();
        }
        if (p.is("keyword_argument") && p.field("name") != null) {
            return p.field("name").text().toUpperCase();
        }
        return switch (kind) {
            case "path" -> "MODEL_PATH";
            case "model" -> "MODEL_ID";
            case "url" -> "UPSTREAM_URL";
            default -> "SERVICE_HOST";
        };
    }
}
