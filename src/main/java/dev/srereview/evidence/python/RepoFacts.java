package dev.srereview.evidence.python;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.common.FileNames;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What is true of the whole repository, not one file: SIGTERM handling, rate limiting, ...
 *
 * @param rateLimited     a rate limiter is imported or configured anywhere (Python or manifests)
 * @param flaskApp        some module creates a Flask-style app (so {@code from app import app; app.run()} is one)
 * @param healthPackage   some module imports an extension that serves a health endpoint
 * @param grpcHealth      some module imports gRPC's health service (an HTTP route is no probe for a gRPC server)
 * @param shutdown        the modules that handle SIGTERM or register a shutdown hook
 * @param entryPoints     the paths of the modules that are programs of their own
 * @param launch          what the repository's launch commands start
 * @param serviceImports  the project modules service modules import (dotted names)
 * @param workers         the paths of modules that run an endless consumer loop
 * @param handlerCalls    what request paths and long-running loops call through imports ({@code cache.remember})
 * @param modelLoaders    what loads a model on every call, qualified ({@code recs.models.load_model})
 * @param prefectLogPrints a Prefect flow captures its tasks' prints as log records ({@code log_prints=True})
 * @param mlflowSignature some code or notebook logs an MLflow model with a signature or an input example
 * @param bodyModels      the classes request handlers take as the client's body, qualified ({@link BodyModels})
 * @param serviceWholeImports the project modules service modules import whole
 * @param containers      how the repository lays its processes out in containers or dynos
 */
record RepoFacts(boolean rateLimited, boolean flaskApp, boolean healthPackage, boolean grpcHealth,
                 List<ModuleFacts> shutdown, Set<String> entryPoints, LaunchCommands launch, Set<String> serviceImports,
                 Set<String> workers, Set<String> handlerCalls, Set<String> modelLoaders, boolean prefectLogPrints,
                 boolean mlflowSignature, Set<String> bodyModels,
                 Set<String> serviceWholeImports, SeparateContainers containers) {
    private static final Pattern MANIFEST_LIMIT = Pattern.compile(
            "limit-rps|limit-rpm|limit-connections|rate-?limit|ratelimit|limit_req|DEFAULT_THROTTLE"
                    // Terraform: an API Gateway usage plan or stage throttle, a WAF rate-based rule
                    + "|throttle_settings|throttling_rate_limit|rate_based_statement",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern MLFLOW_SIGNATURE = Pattern.compile("\\bsignature\\s*=|infer_signature|input_example\\s*=");

    /** {@code log_prints=True} in code, not in a comment. */
    private static final Pattern LOG_PRINTS = Pattern.compile("(?m)^[^#\\n]*\\blog_prints\\s*=\\s*True\\b");

    /**
     * Plain searches first: a model is logged through mlflow, and the regex (a word boundary leads it) would try every
     * position of every file ({@code inspect.signature} is common outside MLflow).
     */
    private static boolean mentionsSignature(String content) {
        return content.contains("mlflow") && (content.contains("signature") || content.contains("input_example"));
    }

    static RepoFacts of(List<ModuleFacts> modules, RepoSnapshot snapshot, LaunchCommands launch) {
        boolean limited = ModuleFacts.any(modules, ModuleFacts::rateLimited);
        if (!limited) {
            for (SourceFile f : snapshot.files()) {
                if (isManifest(f) && MANIFEST_LIMIT.matcher(f.content()).find()) {
                    limited = true;
                    break;
                }
            }
        }
        return new RepoFacts(limited, ModuleFacts.any(modules, ModuleFacts::flaskApp),
                ModuleFacts.any(modules, ModuleFacts::healthPackage), ModuleFacts.any(modules, ModuleFacts::grpcHealth),
                modules.stream().filter(m -> m.handlesSigterm() || m.shutdownHook()).toList(),
                modules.stream().filter(ModuleFacts::entryPoint).map(ModuleFacts::path).collect(Collectors.toSet()),
                launch,
                modules.stream().flatMap(m -> m.serviceImports().stream()).collect(Collectors.toSet()),
                modules.stream().filter(ModuleFacts::worker).map(ModuleFacts::path).collect(Collectors.toSet()),
                modules.stream().flatMap(m -> m.handlerCalls().stream()).collect(Collectors.toSet()),
                modules.stream().flatMap(m -> m.modelLoaders().stream()).collect(Collectors.toSet()),
                snapshot.files().stream().anyMatch(f -> f.path().endsWith(".py") && f.content().contains("prefect")
                        && LOG_PRINTS.matcher(f.content()).find()),
                snapshot.files().stream().anyMatch(f -> (f.path().endsWith(".py") || f.path().endsWith(".ipynb"))
                        && mentionsSignature(f.content()) && MLFLOW_SIGNATURE.matcher(f.content()).find()),
                modules.stream().flatMap(m -> m.bodyModels().stream()).collect(Collectors.toSet()),
                modules.stream().flatMap(m -> m.serviceWholeImports().stream()).collect(Collectors.toSet()),
                SeparateContainers.of(snapshot));
    }

    /**
     * Whether a finding at {@code path} emitted under {@code condition} stands (null: it always does).
     *
     * @param subjects for CALLED_FROM_A_HANDLER: the finding's function and its callers in its module
     */
    boolean holds(RepoCondition condition, String path, Set<String> subjects) {
        if (condition == null) {
            return true;
        }
        return switch (condition) {
            case NO_SHUTDOWN_HANDLING -> shutdown.stream().noneMatch(h -> covers(h.path(), path));
            case FLASK_APP_IN_REPO -> flaskApp;
            case NO_FLASK_APP_IN_REPO -> !flaskApp;
            case FILE_MAY_BE_LAUNCHED -> launch.mayLaunch(path);
            case SERVICE_OR_WORKER_CODE -> workers.contains(path)
                    || importedByService(path) && (subjects.isEmpty() || serviceReaches(path, subjects));
            case NOT_SKIPPED_BY_SERVICE -> subjects.isEmpty() || workers.contains(path) || entryPoints.contains(path)
                    || !importedByService(path) || serviceReaches(path, subjects);
            case WORKER_CODE -> workers.contains(path);
            case SEPARATE_CONTAINERS -> containers.separateServices();
            case SEPARATE_APP_CONTAINERS -> containers.separateApps();
            case PRINTS_NOT_CAPTURED -> !prefectLogPrints;
            case NO_MLFLOW_SIGNATURE -> !mlflowSignature;
            case CALLED_FROM_A_HANDLER -> subjects.stream().anyMatch(f -> calledFromHandler(dotted(path) + "." + f));
            case REQUEST_BODY_MODEL -> subjects.stream().anyMatch(c -> named(bodyModels, dotted(path) + "." + c));
            case LIVE_INSTANCE_CALLED_FROM_HANDLER -> subjects.stream().anyMatch(f -> {
                String cls = dotted(path) + "." + f.substring(0, f.lastIndexOf('.'));
                return calledFromHandler(dotted(path) + "." + f) && !calledFromHandler(cls);
            });
            // the subject is the call as the caller's imports name it: recs.models.load_model or a suffix of it
            case CALLEE_LOADS_MODEL -> subjects.stream().anyMatch(s -> modelLoaders.stream()
                    .anyMatch(l -> l.equals(s) || l.endsWith("." + s)));
        };
    }

    /**
     * Whether shutdown handling in module {@code handler} can stop the loop in module {@code loop}: the same file, or
     * directories where one contains the other — unless both are programs of their own (two entry points are two
     * processes). A monorepo's services/api and services/worker run apart; so do scorer/consumer.py and
     * scorer/replay.py when each has its own {@code __main__} block.
     */
    private boolean covers(String handler, String loop) {
        if (handler.equals(loop)) {
            return true;
        }
        return sameTree(FileNames.dir(handler), FileNames.dir(loop)) && !(entryPoints.contains(handler) && entryPoints.contains(loop));
    }

    /** One directory contains the other (or they are the same). */
    static boolean sameTree(String a, String b) {
        return a.isEmpty() || b.isEmpty() || a.equals(b) || b.startsWith(a + "/") || a.startsWith(b + "/");
    }

    /** {@code recs/recommender.py} + {@code remember}: a handler calls {@code recommender.remember} or a longer form. */
    private boolean calledFromHandler(String function) {
        return named(handlerCalls, function);
    }

    /** Whether {@code names} holds {@code qualified} or a suffix of it, as an import names it from elsewhere. */
    static boolean named(Set<String> names, String qualified) {
        // the name as written may be a suffix of the qualified name (src/ layouts): look each suffix up, not each name
        for (int i = -1; i < qualified.length(); i = qualified.indexOf('.', i + 1)) {
            if (names.contains(qualified.substring(i + 1))) {
                return true;
            }
            if (qualified.indexOf('.', i + 1) < 0) {
                break;
            }
        }
        return false;
    }

    /** An import of {@code imported} names the module {@code dotted}: the same, or its tail (src/ layouts). */
    private static boolean names(String dotted, String imported) {
        return dotted.equals(imported) || dotted.endsWith("." + imported);
    }

    /** {@code forecaster/models.py} is {@code forecaster.models}; a package's {@code __init__.py} is the package. */
    static String dotted(String path) {
        String p = path.endsWith("/__init__.py") ? path.substring(0, path.length() - "/__init__.py".length())
                : path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
        return p.replace('/', '.');
    }

    /**
     * Whether a service imports one of {@code functions} from the module at {@code path} by name
     * ({@code from utils import preprocess}), or the module whole ({@code import utils}: any of its functions may be
     * used). "*" among the functions: the module's own top level runs one of them on import. A {@code describe()} kept
     * for the notebook, which no service imports, is not service code.
     */
    private boolean serviceReaches(String path, Set<String> functions) {
        String dotted = dotted(path);
        if (functions.contains("*") || serviceWholeImports.stream().anyMatch(w -> names(dotted, w))) {
            return true;
        }
        for (String i : serviceImports) {
            int dot = i.lastIndexOf('.');
            String module = dot < 0 ? "" : i.substring(0, dot);
            if (!module.isEmpty() && names(dotted, module)
                    && functions.contains(i.substring(dot + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A service imports the module at {@code path}: {@code forecaster/models.py} as {@code forecaster.models} or a suffix. */
    private boolean importedByService(String path) {
        String dotted = dotted(path);
        for (String i : serviceImports) {
            if (names(dotted, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isManifest(SourceFile f) {
        String p = f.path().toLowerCase(Locale.ROOT);
        return f.kind() == FileKind.K8S_MANIFEST || f.kind() == FileKind.HELM_CHART || f.kind() == FileKind.COMPOSE
                || f.kind() == FileKind.CONFIG || p.endsWith(".conf") || p.endsWith(".yaml") || p.endsWith(".yml")
                || p.endsWith(".toml") || p.endsWith(".json") || p.endsWith(".tf");
    }
}
