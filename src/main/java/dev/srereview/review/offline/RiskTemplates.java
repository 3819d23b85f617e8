package dev.srereview.review.offline;

import dev.srereview.evidence.Category;
import java.util.EnumMap;
import java.util.Map;

/** One {@link RiskTemplate} per finding category; the composer fills in the evidence. */
final class RiskTemplates {
    private final Map<Category, RiskTemplate> templates = new EnumMap<>(Category.class);

    RiskTemplates() {
        put(Category.BARE_EXCEPT, new RiskTemplate("Bare except clauses hide failures",
                "A dependency raises (timeout, bad input, KeyboardInterrupt, even SystemExit during shutdown) inside a bare except:.",
                "The error is swallowed or misreported: requests return wrong answers with 200, and the on-call engineer has no stack trace to start from.",
                "Only indirectly: error rates stay flat while downstream consumers report bad predictions.",
                "Catch the exceptions you expect, log with the traceback, and let the rest propagate:",
                "try:\n    result = client.fetch(item_id)\nexcept (TimeoutError, ConnectionError):\n    log.exception(\"fetch failed item_id=%s\", item_id)\n    raise",
                "python", "Alert when the 5xx rate exceeds 1% over 5 minutes; track exceptions by type (a new type appearing is a page-worthy change).",
                "Replace bare except: with specific exceptions, logged with traceback"));
        put(Category.BROAD_EXCEPT_SWALLOWED, new RiskTemplate("Exceptions swallowed without a trace",
                "An except Exception block that only passes, continues or prints meets a real failure (model file missing, upstream 500).",
                "Work is silently dropped or half done; callers see success while data is lost, and nobody learns why.",
                "You don't, until a user or a data audit notices missing results.",
                "Log with the exception and context, count it, and re-raise or return an explicit error:",
                "except Exception:\n    log.exception(\"scoring failed request_id=%s\", request_id)\n    ERRORS.labels(stage=\"score\").inc()\n    raise",
                "python", "Alert on any increase of the swallowed-error counter above 0.5% of requests over 10 minutes.",
                "Every broad except logs the exception with context and is counted in a metric"));
        put(Category.MISSING_TIMEOUT, new RiskTemplate("No timeouts on outbound calls",
                "A dependency (feature store, model server, database, S3) slows down or stops answering mid-request.",
                "Each worker blocks forever on the call; with a handful of workers the whole service stops answering within seconds, and upstream callers cascade.",
                "Latency p99 climbs to the upstream's own timeout while CPU stays idle; health checks start failing only once all workers are stuck.",
                "Give every outbound call an explicit connect and read timeout, and fail fast with a clear error:",
                "resp = requests.get(url, timeout=(3.05, 10))\nresp.raise_for_status()",
                "python", "Alert when outbound-call p99 latency exceeds 2 s for 5 minutes, and on any timeout-error rate above 1%.",
                "Every outbound call (HTTP, DB, subprocess, futures) has an explicit timeout"));
        put(Category.MISSING_HEALTHCHECK, new RiskTemplate("No health or readiness endpoint",
                "The process is up but the model failed to load, or a worker is wedged.",
                "The load balancer keeps routing traffic to a broken instance; rolling deploys shift traffic before the new version can answer.",
                "Only through user-facing errors; nothing marks the instance unhealthy.",
                "Expose a cheap liveness route and a readiness route that checks the model is loaded:",
                "@app.get(\"/healthz\")\ndef healthz():\n    return {\"status\": \"ok\"}\n\n@app.get(\"/ready\")\ndef ready():\n    return ({\"ready\": True}, 200) if model is not None else ({\"ready\": False}, 503)",
                "python", "Alert when fewer than 2 instances report ready for 2 minutes, or readiness flaps more than 3 times in 10 minutes.",
                "Health (/healthz) and readiness (/ready) routes exist and are wired to probes"));
        put(Category.UNBOUNDED_MEMORY, new RiskTemplate("Unbounded in-process growth",
                "Traffic runs for days; a module-level dict, list or unbounded cache gains an entry per request or per unique input.",
                "Memory climbs until the container is OOM-killed mid-request, dropping every in-flight request on that worker, then repeats.",
                "RSS per worker grows steadily without plateau; restarts show up as OOMKilled in pod status.",
                "Bound the structure: an LRU with maxsize, a TTL cache, or an external store:",
                "from functools import lru_cache\n\n@lru_cache(maxsize=1024)\ndef embed(text: str): ...",
                "python", "Alert when container memory exceeds 85% of its limit for 10 minutes, and on any OOMKilled restart.",
                "Every in-process cache or collection has a size bound"));
        put(Category.MODEL_LOADED_PER_REQUEST, new RiskTemplate("Model loaded inside the request handler",
                "Every request (or every cache miss) deserializes the weights from disk.",
                "Seconds of latency per request and a memory spike per concurrent request; under load the service OOMs or times out.",
                "p50 latency is close to the model load time; disk read throughput tracks request rate.",
                "Load the model once at startup (module level or app lifespan) and reuse it:",
                "model = joblib.load(MODEL_PATH)  # at import / startup, once per worker\n\n@app.post(\"/predict\")\ndef predict(req: PredictRequest):\n    return {\"score\": float(model.predict([req.features])[0])}",
                "python", "Alert when inference p95 latency exceeds 500 ms for 5 minutes; graph model-load count (should stay flat after start).",
                "Weights are loaded once at startup, never per request"));
        put(Category.NO_GRACEFUL_SHUTDOWN, new RiskTemplate("No graceful shutdown on SIGTERM",
                "A deploy, autoscaler or node drain sends SIGTERM while requests or background jobs are in flight.",
                "In-flight requests fail and background work is lost or half-written; every deploy is a small outage.",
                "5xx spikes aligned with deploy times; jobs that never complete.",
                "Handle SIGTERM: stop accepting work, finish in-flight items within the grace period, then exit:",
                "stop = threading.Event()\nsignal.signal(signal.SIGTERM, lambda *_: stop.set())\nwhile not stop.is_set():\n    process(queue.get(timeout=1))",
                "python", "Alert when the 5xx rate during a rollout exceeds 0.5%, and on jobs stuck in progress longer than 2x their p99 duration.",
                "SIGTERM drains in-flight work within terminationGracePeriodSeconds"));
        put(Category.LOGGING_WITHOUT_CONTEXT, new RiskTemplate("Errors logged without context",
                "Something fails at 3 AM and the log says only \"Error occurred\".",
                "The on-call engineer cannot tell which request, input or dependency failed; mean time to repair goes from minutes to hours.",
                "You notice during the incident, when the logs don't answer the first question.",
                "Log the exception and the identifiers that let you find the request:",
                "log.exception(\"prediction failed request_id=%s model_version=%s\", request_id, MODEL_VERSION)",
                "python", "Alert on error-log rate above 1% of requests for 5 minutes; every error log line carries request_id.",
                "Every error log carries the exception and a request id"));
        put(Category.PRINT_INSTEAD_OF_LOGGING, new RiskTemplate("print() used for operational output",
                "The service runs under gunicorn/uvicorn in a container with output buffered or discarded.",
                "Messages arrive late, out of order, without level or timestamp, or not at all; nothing can be filtered or alerted on.",
                "Log search finds nothing for an incident window.",
                "Use the logging module with a level and a structured format:",
                "import logging\nlog = logging.getLogger(__name__)\nlog.info(\"model loaded version=%s\", MODEL_VERSION)",
                "python", "Alert on ERROR-level log rate above your baseline (for example more than 10 per minute for 5 minutes).",
                "Service code logs through logging (no print)"));
        put(Category.HARDCODED_CONFIG, new RiskTemplate("Hard-coded hosts, paths and settings",
                "You need to point at a new database, model version or region, or run a second environment.",
                "Every config change is a code change and a redeploy; staging quietly talks to production endpoints.",
                "Found during an incident when the setting cannot be changed in time.",
                "Read configuration from the environment with explicit defaults, and validate it at startup:",
                "MODEL_PATH = os.environ.get(\"MODEL_PATH\", \"/models/model.pt\")\nDB_HOST = os.environ[\"DB_HOST\"]  # required: fail at start, not at first query",
                "python", "Alert on any startup config-validation failure (more than 0 in 5 minutes), and log the effective config (secrets masked) at boot.",
                "Hosts, ports, paths and model locations come from the environment"));
        put(Category.DEBUG_MODE, new RiskTemplate("Debug mode or a development server in production",
                "The image starts with a debug flag or a development server (flask run, app.run, --reload).",
                "Stack traces and (with Werkzeug's debugger) an interactive console are exposed to clients; the dev server is not built for concurrent production load.",
                "Error pages show tracebacks; response headers name Werkzeug; latency collapses under modest load.",
                "Run a production server and keep debug settings out of the image:",
                "CMD [\"gunicorn\", \"--workers\", \"2\", \"--timeout\", \"60\", \"--bind\", \"0.0.0.0:8080\", \"app:app\"]",
                "dockerfile", "Alert when any response contains a traceback signature, and when p99 latency exceeds 1 s at normal load.",
                "Production image runs gunicorn/uvicorn without debug flags"));
        put(Category.NO_RATE_LIMIT, new RiskTemplate("No rate limiting on the inference endpoint",
                "One client (a retry storm, a scraper, a batch job pointed at the online API) sends 10x normal traffic.",
                "Every worker is busy with that client's requests; everyone else times out. Autoscaling, if any, runs up the bill.",
                "Request rate from a single client or key dominates; queueing latency rises for all.",
                "Limit per client at the gateway or in the app:",
                "from slowapi import Limiter\nfrom slowapi.util import get_remote_address\nlimiter = Limiter(key_func=get_remote_address)\n\n@app.post(\"/predict\")\n@limiter.limit(\"60/minute\")\ndef predict(request: Request): ...",
                "python", "Alert when 429s exceed 5% of requests for 10 minutes, or one client exceeds 30% of traffic.",
                "Rate limits are set per client on public inference endpoints"));
        put(Category.UNPINNED_DEPENDENCY, new RiskTemplate("Unpinned dependencies",
                "The image is rebuilt for an unrelated hotfix, weeks after the last build.",
                "A new release of a framework is installed: models saved with the old version fail to load or predict differently, and the rollback image cannot be rebuilt the same way.",
                "Import errors or unpickling errors at startup, or a silent shift in prediction distribution after a deploy with no model change.",
                "Pin exact versions (ideally with hashes) and install from the lock:",
                "pip-compile --generate-hashes requirements.in -o requirements.txt\npip install --require-hashes -r requirements.txt",
                "bash", "Alert on startup failures after a deploy, and on prediction-distribution drift above your baseline (for example PSI > 0.2).",
                "All production dependencies pinned to exact versions (lock file committed and installed)"));
        put(Category.SECRET_IN_CODE, new RiskTemplate("Secrets in the repository or its images",
                "Anyone with read access to the repo, a fork, a CI log, a pushed image or a leaked laptop reads the credential.",
                "The credential can be used by anyone to run up cost or read data; deleting the line does not remove it from git history or from images already pushed.",
                "The provider's usage dashboard or a secret-scanning alert, usually after the damage.",
                "Rotate the credential now, then load it from the environment or a secret manager:",
                "api_key = os.environ[\"OPENAI_API_KEY\"]  # injected from a Kubernetes Secret or the CI secret store",
                "python", "Alert on provider usage above 2x the daily baseline, and on any secret-scanner hit in CI (fail the build).",
                "No credentials in the tree; committed ones rotated"));
        put(Category.UNSAFE_DESERIALIZATION, new RiskTemplate("Unsafe deserialization of models or data",
                "A model file or payload from an untrusted or tampered source is loaded with pickle, joblib, torch.load or yaml.load.",
                "Arbitrary code runs inside the service with its credentials.",
                "Unexpected outbound connections or processes from the serving container.",
                "Load only trusted, checksummed artifacts, and use safe loaders:",
                "state = torch.load(path, weights_only=True)\nconfig = yaml.safe_load(stream)",
                "python", "Alert on any checksum mismatch of a loaded artifact (threshold: 1), and on any egress from the serving pods to hosts outside the allow-list.",
                "Model artifacts are checksummed and loaded with safe loaders"));
        put(Category.SHELL_INJECTION, new RiskTemplate("Shell commands built from variables",
                "A filename, model name or request field containing shell metacharacters reaches the command.",
                "Arbitrary commands run in the container.",
                "Unexpected processes or files in the container; odd entries in the command audit log.",
                "Pass an argument list, never a shell string:",
                "subprocess.run([\"convert\", src_path, dst_path], check=True, timeout=60)",
                "python", "Alert on non-zero exits of the subprocess above 1% and on unexpected child processes.",
                "No shell=True or os.system with variable input"));
        put(Category.RETRY_WITHOUT_BACKOFF, new RiskTemplate("Retries without backoff",
                "A dependency has a brief outage and every client retries immediately in a loop.",
                "The retry storm multiplies load on the struggling dependency and keeps it down; the service burns CPU spinning.",
                "Request rate to the dependency spikes far above user traffic during its incident.",
                "Retry with capped exponential backoff and jitter, and a bounded number of attempts:",
                "from tenacity import retry, stop_after_attempt, wait_random_exponential\n\n@retry(wait=wait_random_exponential(multiplier=0.5, max=20), stop=stop_after_attempt(5))\ndef call(): ...",
                "python", "Alert when retries exceed 10% of calls to a dependency over 5 minutes.",
                "Every retry loop has backoff, jitter and a cap"));
        put(Category.DOCKER_ROOT_USER, new RiskTemplate("Containers run as root",
                "A dependency or a model file carries an exploit (pickle payloads are code).",
                "The attacker is root in the container, can modify the image's files and has an easier path to the node.",
                "Rarely, until an incident review.",
                "Create an unprivileged user in the final stage and enforce it in the pod spec:",
                "RUN useradd --create-home --uid 10001 app\nUSER 10001",
                "dockerfile", "Alert (policy admission or CI scan) on any workload admitted with runAsUser 0 or privileged: true.",
                "Final image stage sets a non-root USER; pods set runAsNonRoot"));
        put(Category.DOCKER_NO_HEALTHCHECK, new RiskTemplate("No container health check",
                "The server process hangs (deadlock, stuck model load) but does not exit.",
                "The container still counts as running; traffic keeps flowing to it until a human restarts it.",
                "Users see timeouts while docker ps shows the container up.",
                "Add a HEALTHCHECK (or, on Kubernetes, probes) that hits a cheap endpoint:",
                "HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \\\n  CMD python -c \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=2)\" || exit 1",
                "dockerfile", "Alert when a container is unhealthy for more than 2 minutes.",
                "Images for services define a HEALTHCHECK, or the orchestrator probes them"));
        put(Category.DOCKER_LATEST_TAG, new RiskTemplate("Floating image tags (:latest or none)",
                "The image is rebuilt, or a node pulls the image again, after upstream pushed a new version.",
                "A different OS, Python or CUDA version ships without review; a rollback to an old commit does not restore the old image.",
                "Builds of the same commit produce different digests; new failures without code changes.",
                "Pin a version and a digest:",
                "FROM python:3.11-slim@sha256:<digest>\n# docker buildx imagetools inspect python:3.11-slim",
                "dockerfile", "Alert in CI when a build's base-image digest changes without a commit touching the Dockerfile (any change, threshold 1).",
                "Every base and runtime image pinned to a version (and digest)"));
        put(Category.K8S_NO_PROBES, new RiskTemplate("Kubernetes workloads without probes",
                "A rollout starts new pods, or a pod's worker hangs after hours of traffic.",
                "Traffic reaches pods before the model has loaded; hung pods are never restarted and keep their share of traffic.",
                "Errors right after each deploy; a slice of requests timing out while other pods are fine.",
                "Add readiness, liveness and (for slow model loads) startup probes:",
                "readinessProbe:\n  httpGet: {path: /ready, port: 8080}\n  periodSeconds: 5\nlivenessProbe:\n  httpGet: {path: /healthz, port: 8080}\n  periodSeconds: 10\nstartupProbe:\n  httpGet: {path: /healthz, port: 8080}\n  failureThreshold: 30\n  periodSeconds: 10",
                "yaml", "Alert when ready replicas are below desired for 5 minutes, and on more than 3 restarts per pod per hour.",
                "Readiness and liveness probes on every serving container"));
        put(Category.K8S_NO_RESOURCE_LIMITS, new RiskTemplate("Containers without memory limits or requests",
                "Traffic grows, or a large input arrives, and the model's memory grows with it.",
                "The scheduler packs pods blind; one pod takes its neighbours' memory and the kernel OOM-kills whichever it chooses, possibly another service.",
                "Node memory pressure events; OOMKilled pods that are not the culprit.",
                "Set requests and a memory limit sized from measured RSS (weights x workers + headroom):",
                "resources:\n  requests: {cpu: \"1\", memory: 3Gi}\n  limits: {memory: 3Gi}",
                "yaml", "Alert when container memory exceeds 85% of its limit for 10 minutes, and on any OOMKilled event.",
                "Every container has CPU/memory requests and a memory limit"));
        put(Category.NO_INPUT_VALIDATION, new RiskTemplate("Request input used without validation",
                "A client sends a huge array, a wrong type or a missing field.",
                "The worker crashes with a 500, or spends seconds and gigabytes on an oversized input; a malicious client can exhaust the service.",
                "5xx spikes with KeyError/TypeError in logs; memory spikes tied to single requests.",
                "Validate with a schema and bounds before touching the model:",
                "class PredictRequest(BaseModel):\n    features: conlist(float, min_length=1, max_length=512)",
                "python", "Alert when 4xx/5xx caused by validation exceed 2% of requests, and on request body size p99 above your bound.",
                "Every handler validates input type, shape and size"));
        put(Category.RESOURCE_OVERCOMMIT, new RiskTemplate("Model weights times workers exceed the memory limit",
                "The pod starts and each worker process loads its own copy of the weights.",
                "The container passes its memory limit during startup and is OOM-killed, again and again (CrashLoopBackOff): the service never comes up, or dies at the first traffic.",
                "Pods in CrashLoopBackOff with reason OOMKilled right after a deploy; kubectl describe pod shows exit code 137.",
                "Share one copy of the weights (preload before forking), run fewer workers per pod, or raise the limit:",
                "gunicorn --preload --workers 4 app:app\n# or: --workers 1 --threads 4, and more replicas",
                "bash", "Alert on any OOMKilled restart, and when container memory exceeds 85% of its limit for 5 minutes.",
                "Memory limit >= weights x workers + 30% headroom, verified by a load test"));
    }

    private void put(Category c, RiskTemplate t) {
        templates.put(c, t);
    }

    RiskTemplate of(Category c) {
        RiskTemplate t = templates.get(c);
        if (t == null) {
            throw new IllegalStateException("no risk template for " + c.id());
        }
        return t;
    }
}
