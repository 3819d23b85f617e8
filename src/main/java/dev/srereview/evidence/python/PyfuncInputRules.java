package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.List;
import java.util.Set;

/**
 * no-input-validation, the MLflow case: {@code mlflow models serve} checks a request against the model's signature,
 * and a pyfunc model logged without one takes any columns, types and sizes into {@code predict(self, context,
 * model_input)}. Reported when no code or notebook of the repository logs a signature or an input example, and
 * {@code model_input} carries no type hint (MLflow 2.20+ derives a schema from one).
 */
final class PyfuncInputRules implements NodeRule {
    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition");
    }

    @Override
    public void check(PyNode def, Scan scan) {
        if (scan.role() != FileRole.SERVICE || !scan.module.handlers.contains(def)
                || !Syntax.functionName(def).equals("predict") || !"mlflow".equals(ServingClasses.server(scan.module, Syntax.ownerClass(def)))) {
            return;
        }
        PyNode params = def.field("parameters");
        List<PyNode> p = params == null ? List.of() : params.named();
        if (p.size() < 3 || p.get(2).field("type") != null) {
            return;
        }
        PyNode input = Syntax.parameterName(p.get(2));
        scan.emitIf(RepoCondition.NO_MLFLOW_SIGNATURE, "PY-INPUT-006", Category.NO_INPUT_VALIDATION, Severity.P2, def,
                "The pyfunc model's `predict` takes `" + (input == null ? p.get(2).text() : input.text()) + "` as the "
                        + "client sent it, and no code here logs the model with a signature: `mlflow models serve` "
                        + "then checks no column, type or size, so a missing column or a 1,000,000-row request fails "
                        + "deep in the model as a 500 instead of a 400 at the edge.",
                "from mlflow.models import infer_signature\n"
                        + "signature = infer_signature(X_train.head(), model.predict(X_train.head()))\n"
                        + "mlflow.pyfunc.log_model(\"model\", python_model=ChurnModel(), signature=signature,\n"
                        + "                        input_example=X_train.head(3))");
    }
}
