package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of true positives and look-alike negatives per detector. Secrets are assembled from pieces
 * here so that no literal real-looking key sits in the source tree (scanners would flag it).
 */
class RedactorTest {
    private final Redactor redactor = new Redactor();

    /** 48 mixed characters; random-looking but deterministic. */
    private static final String R48 = "Q7d" + "X2kP9mWv4Lz8Rt1Yb6Nc3Hs5Jf0Ga" + "eKuTq2Vw7ZxBn4Mr";
    private static final String R40B64 = "k3Jd9/Qm2X" + "+vT7pLw4Zr8N" + "c1Ys6Hb0Gf5Ua2Ke9V";
    private static final String UPPER16 = "Q3EG" + "RLX7N2VB" + "P4ZT";

    static Stream<Arguments> truePositives() {
        return Stream.of(
                // detector, path, input, expected output, expected name
                Arguments.of("openai-key", ".env", "OPENAI_API_KEY=" + "sk-" + "proj-" + R48,
                        "OPENAI_API_KEY=[REDACTED:openai-key]", "OPENAI_API_KEY"),
                Arguments.of("openai-key", "app.py", "client = OpenAI(api_key=\"" + "sk-" + R48 + "\")",
                        "client = OpenAI(api_key=\"[REDACTED:openai-key]\")", "api_key"),
                Arguments.of("anthropic-key", "app.py", "KEY = '" + "sk-" + "ant-" + "api03-" + R48 + R48 + "'",
                        "KEY = '[REDACTED:anthropic-key]'", "KEY"),
                Arguments.of("aws-access-key", "settings.py", "AWS_ACCESS_KEY_ID = \"" + "AKIA" + UPPER16 + "\"",
                        "AWS_ACCESS_KEY_ID = \"[REDACTED:aws-access-key]\"", "AWS_ACCESS_KEY_ID"),
                Arguments.of("aws-secret-key", "creds.ini", "aws_secret_access_key = " + R40B64,
                        "aws_secret_access_key = [REDACTED:aws-secret-key]", "aws_secret_access_key"),
                Arguments.of("huggingface-token", "run.sh", "export HF_TOKEN=" + "hf_" + R48.substring(0, 34),
                        "export HF_TOKEN=[REDACTED:huggingface-token]", "HF_TOKEN"),
                Arguments.of("github-token", "ci.yml", "token: " + "ghp_" + R48.substring(0, 36),
                        "token: [REDACTED:github-token]", "token"),
                Arguments.of("github-token", "notes.md", "use " + "github_pat_" + R48.substring(0, 22) + "_" + R48,
                        "use [REDACTED:github-token]", null),
                Arguments.of("slack-token", "bot.py", "SLACK = \"" + "xoxb-" + "2419873365-8823114410021-" + R48.substring(0, 24)
                        + "\"", "SLACK = \"[REDACTED:slack-token]\"", "SLACK"),
                Arguments.of("stripe-key", "pay.js", "const stripe = Stripe('" + "sk_" + "live_" + R48.substring(0, 24) + "');",
                        "const stripe = Stripe('[REDACTED:stripe-key]');", null),
                Arguments.of("google-api-key", "maps.ts", "const key = \"" + "AIza" + R48.substring(0, 35) + "\";",
                        "const key = \"[REDACTED:google-api-key]\";", "key"),
                Arguments.of("jwt", "auth.py", "headers = {\"Authorization\": \"Bearer " + "eyJ" + "hbGciOiJIUzI1NiJ9" + "."
                                + "eyJ" + "zdWIiOiJzdmMtYmF0Y2gifQ" + "." + R48.substring(0, 30) + "\"}",
                        "headers = {\"Authorization\": \"Bearer [REDACTED:jwt]\"}", "Authorization"),
                Arguments.of("url-password", "settings.yaml", "url: postgresql://app:" + "Xk9pQ2mL7w" + "@db:5432/prod",
                        "url: postgresql://app:[REDACTED:url-password]@db:5432/prod", "url"),
                Arguments.of("url-password", "celery_app.py", "BROKER = \"redis://:" + "S3cr3tR3dis2024prod"
                        + "@redis-master:6379/1\"", "BROKER = \"redis://:[REDACTED:url-password]@redis-master:6379/1\"",
                        "BROKER"),
                Arguments.of("generic-secret", "config.py", "key = os.environ.get(\"MODERATION_API_KEY\", \""
                                + "mk_prod_9b1f4e7a2c8d4f0e9a6b3c5d7e1f2a4b" + "\")",
                        "key = os.environ.get(\"MODERATION_API_KEY\", \"[REDACTED:generic-secret]\")", "MODERATION_API_KEY"),
                Arguments.of("password", "app.py", "db_password = \"" + "Tr0ub4dor&3x" + "\"",
                        "db_password = \"[REDACTED:password]\"", "db_password"),
                Arguments.of("password", "compose.yml", "      POSTGRES_PASSWORD: " + "pG7wq2LmZ",
                        "      POSTGRES_PASSWORD: [REDACTED:password]", "POSTGRES_PASSWORD"),
                Arguments.of("generic-secret", "config.json", "{\"client_secret\": \"" + R48.substring(0, 32) + "\"}",
                        "{\"client_secret\": \"[REDACTED:generic-secret]\"}", "client_secret"),
                Arguments.of("generic-secret", "local.settings.json", "    \"COSMOS_KEY\": \"ozoCm9Go5c6hPcaOWLBLW7pZTBhud7I8"
                                + "IEPwxZ9NbpeAdn3uOyIACWNGcqBmE307bqGaoagI/iX91t0rlOZMfw==\",",
                        "    \"COSMOS_KEY\": \"[REDACTED:generic-secret]\",", "COSMOS_KEY"),
                Arguments.of("generic-secret", "settings.py", "SECRET_KEY = '" + R48.substring(5, 30) + "'",
                        "SECRET_KEY = '[REDACTED:generic-secret]'", "SECRET_KEY"),
                Arguments.of("generic-secret", "docker-compose.yaml", "    AIRFLOW__CORE__FERNET_KEY: \"z1TKZGS8-4usLVivW"
                                + "MxSqi3vBtx3KE2szs7wl9w6M18=\"",
                        "    AIRFLOW__CORE__FERNET_KEY: \"[REDACTED:generic-secret]\"", "AIRFLOW__CORE__FERNET_KEY"),
                Arguments.of("env-value", ".env.production", "SESSION_SIGNING_SALT=" + R48.substring(0, 20),
                        "SESSION_SIGNING_SALT=[REDACTED:env-value]", "SESSION_SIGNING_SALT"),
                Arguments.of("env-value", "prod.env", "SENTRY_DSN=https://" + "3f9a2b7c" + "@o1.ingest.sentry.io/42",
                        "SENTRY_DSN=[REDACTED:env-value]", "SENTRY_DSN"),
                Arguments.of("huggingface-token", "deploy.yaml", "token: " + "hf_" + "QmXwTzVbLrKpNsYdEaGcJuHiOfBlAeDwRt",
                        "token: [REDACTED:huggingface-token]", "token"),
                Arguments.of("password", ".env", "DB_PASSWORD=" + "short1",
                        "DB_PASSWORD=[REDACTED:password]", "DB_PASSWORD"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("truePositives")
    void redactsTheValueAndKeepsTheName(String detector, String path, String input, String expected, String name) {
        RedactionResult r = redactor.redact(path, input);

        assertThat(r.text()).isEqualTo(expected);
        assertThat(r.redactions()).singleElement().satisfies(red -> {
            assertThat(red.detector()).isEqualTo(detector);
            assertThat(red.line()).isEqualTo(1);
            assertThat(red.name()).isEqualTo(name);
        });
    }

    /** Forms a black-box audit got past the redactor (28 Nov): each secret must be gone, whatever it is labelled. */
    static Stream<Arguments> auditedForms() {
        String tok = "Qw3rTy9UiOp2AsDf7GhJk4Lz";
        return Stream.of(
                Arguments.of("app.py", "class S(BaseSettings):\n    client_secret: str = \"" + tok + "\"\n", tok),
                Arguments.of("app.py", "headers = {\"Authorization\": \"Bearer " + tok + "\"}\n", tok),
                Arguments.of("Dockerfile", "RUN curl -H \"Authorization: Bearer " + tok + "\" https://x\n", tok),
                Arguments.of("config.yaml", "auth: \"Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("svc:" + tok).getBytes(StandardCharsets.UTF_8)) + "\"\n", java.util.Base64.getEncoder()
                        .encodeToString(("svc:" + tok).getBytes(StandardCharsets.UTF_8))),
                Arguments.of("app.py", "URL = \"https://api.example.com/v1/x?api_key=" + tok + "&q=1\"\n", tok),
                Arguments.of("app.py", "URL = \"https://s3.example.com/o?X-Amz-Security-Token=" + tok + "&apiKey=x\"\n", tok),
                Arguments.of("app.py", "# db password: " + tok + "\n", tok),
                Arguments.of("app.py", "r = requests.get(url, auth=(\"admin\", \"" + tok + "\"), timeout=5)\n", tok),
                Arguments.of("app.py", "DSN = \"\"\"\nhost=db port=5432 password=" + tok + " dbname=x\n\"\"\"\n", tok),
                Arguments.of("deploy.sh", "curl -u admin:" + tok + " https://x\nmysql -uroot -p" + tok + " db\n", tok),
                Arguments.of("job.yaml", "args: [\"--db-password\", \"" + tok + "\"]\n", tok),
                Arguments.of("Dockerfile", "ENV DB_PASSWORD " + tok + "\n", tok),
                Arguments.of("config/app.yaml", "db:\n  password: |\n    " + tok + "\n  host: db\n", tok),
                Arguments.of("db.py", "URL = \"postgresql://svc:" + tok + "@BaVbVJBMQKnY@db.internal:5432/x\"\n",
                        "BaVbVJBMQKnY"),
                Arguments.of(".netrc", "machine pypi.example.com login ml password " + tok + "\n", tok),
                Arguments.of("deploy.sh", "docker login -u ci -p " + tok + " registry.example.com\n", tok),
                Arguments.of("app.py", "# admin password is " + tok + "\n", tok),
                Arguments.of("app.py", "GL = \"glpat-" + tok + "\"\n", tok),
                Arguments.of("gateway/app.py", "API_KEYS = {\n    \"nlp-lab\": \"gw_live_" + tok + "\",\n    \"vision\": "
                        + "\"gw_live_b71e0d5c9a2f4e68b3d1c7a9e5f20d4b\",\n}\n", tok),
                Arguments.of("bot.py", "ADMIN_TOKENS = [\"" + tok + "\", \"Zx8" + tok + "\"]\n", tok),
                Arguments.of("settings.py", "SECRET_KEY = os.environ.get(\n    \"DJANGO_SECRET_KEY\",\n    "
                        + "\"django-insecure-7r#q2m!w9v$k4p0x^z8b1n@e6t3y5u&h(j)l_s=a+c-d%f*g\",\n)\n",
                        "7r#q2m!w9v$k4p0x^z8b1n@e6t3y5u"),
                Arguments.of("alerts.py", "WEBHOOK_URL = \"https://discord.com/api/webhooks/1187340945563219988/"
                        + tok + tok + "_Kd9-x\"\n", tok + tok),
                // a placeholder word inside a mixed-case random run is chance, not a template: the shape decides
                Arguments.of("llm.py", "KEY = os.environ.get(\"OPENAI_API_KEY\", \"sk-proj-" + "Xq3FAKEb7TnKc2LmZ0"
                        + "exampleK9vR4sWd1YhJ8uPa\")\n", "Xq3FAKEb7TnKc2LmZ0"),
                Arguments.of("captioner.py", "HF_TOKEN = \"hf_" + "kXbQfAKEtOkEnR2mN8vLp4sYdW6cJ1eUzT" + "\"\n",
                        "kXbQfAKEtOkEnR2mN8vLp4sYdW6cJ1eUzT"),
                Arguments.of("app.py", "SG = \"SG." + tok + "." + tok + "xYz12\"\n", tok),
                Arguments.of("docker-compose.yml", "services:\n  retrain:\n    environment:\n      KAGGLE_USERNAME: priya\n"
                        + "      KAGGLE_KEY: 3f9a7c2e81d64b05a9e2c4f7d1b86e30\n", "3f9a7c2e81d64b05a9e2c4f7d1b86e30"),
                Arguments.of("docker-compose.yml", "  redis:\n    command: [\"redis-server\", \"--requirepass\", "
                        + "\"mvr3c-9f2b71c4e0d84a6b\", \"--maxmemory\", \"128mb\"]\n", "mvr3c-9f2b71c4e0d84a6b"),
                Arguments.of("redis.conf", "bind 0.0.0.0\nrequirepass Qm7vX2pL9sK4\n", "Qm7vX2pL9sK4"),
                Arguments.of("app.py", "STRIPE = \"sk_test_" + tok + "\"\n", tok),
                Arguments.of("app.py", "KEY = \"sk-proj-" + tok + "\" + \"" + "5OMgybQ7xLp2RtZk9vWn3HsA" + "\"\n",
                        "5OMgybQ7xLp2RtZk9vWn3HsA"),
                Arguments.of("storage.py", "CONN = \"DefaultEndpointsProtocol=https;AccountName=a;AccountKey="
                        + tok + tok + "==;\"\n", tok + tok),
                Arguments.of("k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  value: "
                        + tok + "\n  config.json: |\n    {\"password\": \"" + tok + "x\"}\nstringData:\n  DATABASE: \""
                        + tok + "\"\n", tok));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("auditedForms")
    void auditedFormsAreRedacted(String path, String input, String secret) {
        RedactionResult r = redactor.redact(path, input);
        assertThat(r.text()).doesNotContain(secret).contains("[REDACTED:");
        assertThat(r.text().lines().count()).as("line breaks kept").isEqualTo(input.lines().count());
    }

    @Test
    void theStockRedisConfCommentIsNotASecret() {
        String conf = "# requirepass foobared\n#   requirepass Qm7vX2pL9sK4Zt\nbind 127.0.0.1\n";
        assertThat(redactor.redact("redis.conf", conf).redactions()).isEmpty();
    }

    @Test
    void aRedactedSecretBlockScalarKeepsTheManifestParseable() throws Exception {
        String yaml = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  config.json: |\n"
                + "    {\"password\": \"Qw3rTy9UiOp2AsDf7GhJk4Lz\"}\n    {\"more\": 1}\n---\napiVersion: apps/v1\n"
                + "kind: Deployment\nmetadata:\n  name: api\n";
        String out = redactor.redact("k8s/all.yaml", yaml).text();
        assertThat(out).doesNotContain("Qw3rTy9UiOp2AsDf7GhJk4Lz").contains("    [REDACTED:kubernetes-secret]");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        try (var p = mapper.getFactory().createParser(out)) {
            assertThat(mapper.readValues(p, Object.class).readAll()).hasSize(2);
        }
    }

    @Test
    void commonCodeNearTheNewTriggersIsLeftAlone() {
        String code = "items = sorted(xs, key=lambda x: x.score)\nif password is None:\n    raise ValueError\n"
                + "msg.value()\nheaders = {\"Authorization\": f\"Bearer {token}\"}\nbasic settings are fine\n"
                + "subprocess.run([\"python\", \"-u\", \"train.py\"], timeout=60)\n"
                + "parser.add_argument(\"--password\", default=os.environ.get(\"DB_PASSWORD\"))\n"
                + "conn = psycopg2.connect(host=h, password=pw)\n"
                + "the admin url-password db.internal 5432/prod\npython -m pip install -p three\n"
                + "r = redis.Redis(password=redis_pw)\nc = psycopg2.connect(password=pg_password, host=DB_HOST)\n"
                + "x = connect(password=getenv(\"PG\"))\nrun([\"--passwordless-login\", \"yes\"])\n"
                + "# login form password authentication\nif token is self._cached_token1:\n    pass\n"
                + "sessions.remove(session_id)\n"
                + "for k in cfg.keys():\n    pass\nMODEL_KEYS = {\"fast\": \"distilbert-base-uncased\"}\n"
                + "API_KEYS = {team: os.environ[f\"KEY_{team}\"] for team in TEAMS}\n"
                + "TOKENS = [\"<your-token-here>\"]\n"
                // a *_KEY named by a generic word is a path, a header or a column as often as a credential
                + "STORAGE_KEY = \"models/churn-xgb-v3.pkl\"\nHOST_KEY = \"X-Forwarded-Host\"\n"
                + "PRIMARY_KEY = \"customer_id\"\nSEARCH_KEY = \"product_title\"\n";
        assertThat(redactor.redact("app.py", code).redactions()).isEmpty();
    }

    @Test
    void aKubernetesEnvEntryNamedLikeASecretHasItsLiteralValueRedacted() {
        String manifest = "env:\n  - name: PG_USER\n    value: recsys_app\n  - name: PG_PASSWORD\n"
                + "    value: \"" + "Vq7!mR2x" + "#pL9wKe4\"\n  - name: API_TOKEN\n    valueFrom:\n"
                + "      secretKeyRef: {name: api, key: token}\n";

        RedactionResult r = redactor.redact("k8s/deployment.yaml", manifest);

        assertThat(r.text()).contains("value: \"[REDACTED:password]\"").contains("value: recsys_app")
                .contains("secretKeyRef: {name: api, key: token}");
        assertThat(r.redactions()).singleElement().satisfies(red -> {
            assertThat(red.name()).isEqualTo("PG_PASSWORD");
            assertThat(red.line()).isEqualTo(5);
        });
    }

    static Stream<Arguments> lookAlikes() {
        return Stream.of(
                Arguments.of("aws-access-key", "README.md", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"),
                Arguments.of("aws-secret-key", "README.md", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                Arguments.of("openai-key", ".env.example", "OPENAI_API_KEY=" + "sk-" + "your-openai-key-here"),
                Arguments.of("openai-key", "app.py", "key = \"" + "sk-" + "x".repeat(40) + "\""),
                Arguments.of("openai-key", "README.md", "export OPENAI_API_KEY=" + "sk-..."),
                Arguments.of("openai-key", "plan.md", "the task-runner-" + "sk-" + "ipping-weekly-jobs-and-more runs"),
                Arguments.of("placeholder", ".env", "OPENAI_API_KEY=<your-key>"),
                Arguments.of("variable", ".env", "OPENAI_API_KEY=${OPENAI_API_KEY}"),
                Arguments.of("empty", ".env", "OPENAI_API_KEY="),
                Arguments.of("empty", "settings.yaml", "password: \"\""),
                Arguments.of("huggingface-token", "app.py", "HF = \"" + "hf_" + "x".repeat(34) + "\""),
                Arguments.of("github-token", "app.py", "T = \"" + "ghp_" + "X".repeat(36) + "\""),
                Arguments.of("slack-token", "bot.py", "SLACK = \"" + "xoxb-" + "your-bot-token" + "\""),
                Arguments.of("huggingface-token", "app.py", "HF = \"" + "hf_" + "yourTokenHere1234567890abcdefgh" + "\""),
                Arguments.of("openai-key", "README.md", "OPENAI_API_KEY=" + "sk-proj-" + "EXAMPLEKEY1234567890ABCDEFGHIJ"),
                Arguments.of("private-key", "README.md", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"),
                Arguments.of("public-key", "key.pub", "-----BEGIN PUBLIC KEY-----\n" + R48 + R48 + "\n-----END PUBLIC KEY-----"),
                Arguments.of("url-password", "settings.yaml", "url: postgresql://app:${DB_PASSWORD}@db/prod"),
                Arguments.of("url-password", "README.md", "postgresql://user:<password>@host/db"),
                Arguments.of("url-no-password", "app.py", "URL = \"https://api.example.org:8443/v1/models\""),
                Arguments.of("url-port-no-user", "app.py", "URL = \"http://:8080/v1\""),
                Arguments.of("password", "app.py", "password = \"changeme\""),
                Arguments.of("password", "app.py", "password = os.environ[\"DB_PASSWORD\"]"),
                Arguments.of("env-default-placeholder", "app.py", "key = os.getenv(\"API_KEY\", \"changeme\")"),
                Arguments.of("env-default-empty", "app.py", "key = os.environ.get(\"API_KEY\", \"\")"),
                Arguments.of("env-default-not-a-literal", "app.py", "key = os.environ.get(\"API_KEY\", fallback_key)"),
                Arguments.of("password", "app.py", "def connect(password: str = \"\"):"),
                Arguments.of("password", "app.py", "if password == \"" + "Tr0ub4dor" + "\":"),
                Arguments.of("not-a-secret-name", "app.py", "secret_name = \"model-api-credentials\""),
                Arguments.of("not-a-secret-name", "app.py", "max_tokens = 4096"),
                Arguments.of("elided-example", ".env.example", "OPENAI_API_KEY=sk-..."),
                Arguments.of("model-name", ".env", "MODEL_NAME=distilbert-base-uncased-finetuned-sst-2-english\nLLM=llama3:8b"),
                Arguments.of("key-prefix", ".env.example", "RESULT_PREFIX=summarize:result:\nQUEUE_NAME=summarize:jobs"),
                Arguments.of("model-names", ".env.example", "FALLBACK_MODEL=mistralai/Mixtral-8x7B-Instruct-v0.1\n"
                        + "ALLOWED_MODELS=gpt-4o-mini,gpt-4o,text-embedding-3-small"),
                Arguments.of("url-password", "ci.yml", "DATABASE_URL: postgresql+psycopg2://churn:churn@localhost:5432/churn"),
                Arguments.of("secret-reference", "values.yaml", "redis:\n  auth:\n    existingSecret: triage-redis"),
                Arguments.of("not-a-secret-name", "app.py", "token_url = \"https://auth.internal/oauth/token\""),
                Arguments.of("low-entropy", "app.py", "api_key = \"aaaaaaaaaaaaaaaaaaaaaaaa\""),
                Arguments.of("xxx", "config.yaml", "api_key: xxxxxxxxxxxxxxxx"),
                Arguments.of("env-harmless", ".env", "LOG_LEVEL=info\nPORT=8080\nMODEL_NAME=gpt-4o-mini\nDATA_DIR=/srv/data"),
                Arguments.of("free-text", null, "The password: is rotated daily by the platform team."),
                Arguments.of("yaml-reference", "deploy.yaml", "token: ${{ secrets.DEPLOY_TOKEN }}"),
                // False positives once seen in real code (Python stdlib and dist-packages):
                Arguments.of("type-annotation", "dsa.py",
                        "def load(backend: \"Backend\", private_key: \"_DSAPrivateKey\", data: bytes):"),
                Arguments.of("label", "remote.py", "token = \" * [would prune] \""),
                Arguments.of("value-names-a-secret", "oid.py", "AttributeOID.CHALLENGE_PASSWORD: \"challengePassword\","),
                Arguments.of("pattern-not-token", "getopt.py", "longopt_pat = r'[a-zA-Z](?:[a-zA-Z0-9-]*)'"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("lookAlikes")
    void leavesLookAlikesAlone(String what, String path, String input) {
        RedactionResult r = redactor.redact(path, input);

        assertThat(r.redactions()).as(what).isEmpty();
        assertThat(r.text()).isEqualTo(input);
    }

    @Test
    void privateKeyBlockIsReplacedKeepingItsLineCount() {
        String body = String.join("\n", R48 + "AB", R48 + "CD", R48.substring(0, 20) + "==");
        String text = "# deploy key\n-----BEGIN " + "OPENSSH PRIVATE KEY-----\n" + body
                + "\n-----END OPENSSH PRIVATE KEY-----\nafter = 1\n";

        RedactionResult r = redactor.redact("deploy/key", text);

        assertThat(r.text()).doesNotContain(R48).contains("[REDACTED:private-key]")
                .contains("-----BEGIN OPENSSH PRIVATE KEY-----").contains("-----END OPENSSH PRIVATE KEY-----");
        assertThat(r.text().lines().count()).isEqualTo(text.lines().count());
        assertThat(r.text().lines().toList()).last().isEqualTo("after = 1");
        assertThat(r.redactions()).singleElement().satisfies(red -> {
            assertThat(red.detector()).isEqualTo("private-key");
            assertThat(red.line()).isEqualTo(3);
        });
    }

    @Test
    void inlinePemInJsonIsRedacted() {
        String json = "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN " + "PRIVATE KEY-----\\n" + R48
                + "\\n" + R48 + "\\n-----END PRIVATE KEY-----\\n\"}";

        RedactionResult r = redactor.redact("sa.json", json);

        assertThat(r.text()).doesNotContain(R48);
        assertThat(r.redactions()).extracting(Redaction::detector).containsExactly("private-key");
        assertThat(r.redactions().get(0).name()).isEqualTo("private_key");
    }

    @Test
    void linesOfSeveralSecretsAreOneBased() {
        String text = "a = 1\nTOKEN = \"" + "ghp_" + R48.substring(0, 36) + "\"\n\nAKEY = \"" + "AKIA" + UPPER16 + "\"\n";

        RedactionResult r = redactor.redact("x.py", text);

        assertThat(r.redactions()).extracting(Redaction::line).containsExactly(2, 4);
        assertThat(r.text()).isEqualTo("a = 1\nTOKEN = \"[REDACTED:github-token]\"\n\nAKEY = \"[REDACTED:aws-access-key]\"\n");
    }

    @Test
    void redactingTwiceChangesNothing() {
        String text = "OPENAI_API_KEY=" + "sk-" + "proj-" + R48 + "\npassword: " + "pG7wq2LmZ\n";
        String once = redactor.redactText(text);

        assertThat(redactor.redact(null, once).redactions()).isEmpty();
        assertThat(redactor.redactText(once)).isEqualTo(once);
    }

    @Test
    void freeTextFromAModelOrALogIsRedacted() {
        String reply = "I found the key " + "sk-" + "proj-" + R48 + " in config.py and the DSN postgres://svc:"
                + "Xk9pQ2mL7w" + "@db/prod; the password: " + "Zx8qLm2Pw7Kd" + " should be rotated.";

        String out = redactor.redactText(reply);

        assertThat(out).doesNotContain(R48).doesNotContain("Xk9pQ2mL7w").doesNotContain("Zx8qLm2Pw7Kd")
                .contains("[REDACTED:openai-key]").contains("postgres://svc:[REDACTED:url-password]@db/prod");
    }

    @Test
    void specificDetectorWinsOverTheGenericOne() {
        RedactionResult r = redactor.redact("app.py", "openai_api_key = \"" + "sk-" + R48 + "\"");

        assertThat(r.redactions()).extracting(Redaction::detector).containsExactly("openai-key");
    }

    @Test
    void nullAndEmptyTextAreHandled() {
        assertThat(redactor.redact(null, null).text()).isEmpty();
        assertThat(redactor.redactText("")).isEmpty();
    }
}
