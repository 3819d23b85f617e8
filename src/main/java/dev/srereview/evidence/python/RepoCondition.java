package dev.srereview.evidence.python;

/**
 * A repository-wide fact a finding depends on. Each module is walked as soon as it is parsed, before the other
 * modules are known, so a rule that needs such a fact emits its finding under the condition; the finding is kept
 * once every module has been seen and the condition holds ({@link RepoFacts#holds}).
 */
enum RepoCondition {
    /** No module in the finding's directory tree (above or below it) installs a SIGTERM handler or shutdown hook. */
    NO_SHUTDOWN_HANDLING,
    /** Some module creates a Flask-style app (so {@code from app import app; app.run()} runs one). */
    FLASK_APP_IN_REPO,
    /** No module creates a Flask-style app. */
    NO_FLASK_APP_IN_REPO,
    /**
     * The finding's file may be what production starts: the repository's launch commands (Dockerfile CMD, compose,
     * Procfile, manifests) run {@code python <that file>}, or none of them starts a production server, or there are
     * none. A {@code __main__} dev server next to {@code CMD gunicorn app:app} is a developer's local run.
     */
    FILE_MAY_BE_LAUNCHED,
    /** The finding's file is imported by a service module, or runs an endless consumer loop (a worker). */
    SERVICE_OR_WORKER_CODE,
    /**
     * Unless service modules import the finding's module by name and none of those names reaches the finding's
     * function (its subjects): {@code describe(df)} in a helper whose service imports only {@code preprocess}.
     */
    NOT_SKIPPED_BY_SERVICE,
    /** The finding's file runs an endless consumer loop (a worker). */
    WORKER_CODE,
    /** No Prefect flow of the repository turns prints into log records ({@code @flow(log_prints=True)}). */
    PRINTS_NOT_CAPTURED,
    /**
     * No code or notebook of the repository logs an MLflow model with a signature ({@code signature=},
     * {@code infer_signature}, {@code input_example=}): the served pyfunc model checks no input schema.
     */
    NO_MLFLOW_SIGNATURE,
    /**
     * A request handler in a service module calls the finding's function (imported from the finding's module): the
     * request path crosses files ({@code from .cache import remember}; {@code remember(user)} in a route).
     */
    CALLED_FROM_A_HANDLER,
    /**
     * The function, method or class a handler calls (the finding's subject, qualified: {@code recs.models.load_model},
     * {@code app.Predictor._load}) loads a model on every call, with no cache: known from the module that defines it.
     */
    CALLEE_LOADS_MODEL,
    /**
     * A handler in another module calls the finding's method ({@code Class.method}) on an instance it holds
     * ({@code self.audit.record(...)} where the handler's module imports {@code AuditLog}), and no handler constructs
     * the class per request: the instance outlives the requests that grow it.
     */
    LIVE_INSTANCE_CALLED_FROM_HANDLER,
    /**
     * A request handler takes the finding's class (its subject, unqualified) as the client's body: a parameter's type,
     * or the model it validates the input with ({@link BodyModels}).
     */
    REQUEST_BODY_MODEL,
    /**
     * The repository runs a backing service or another application in a container or dyno of its own (compose
     * services, a Render blueprint, Procfile process types: {@link SeparateContainers}), where {@code localhost} is
     * the process's own container.
     */
    SEPARATE_CONTAINERS,
    /** As {@link #SEPARATE_CONTAINERS}, with two application containers or more: for http(s) URLs to localhost. */
    SEPARATE_APP_CONTAINERS
}
