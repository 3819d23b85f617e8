package dev.srereview.evidence.deps;

import dev.srereview.evidence.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * How bad an unpinned package is. ML frameworks change their serialization formats and numerics between
 * releases: an unpinned torch or scikit-learn can make yesterday's model file fail to load at the next rebuild.
 */
public final class PackageRisk {
    private static final Set<String> ML_FRAMEWORKS = Set.of("torch", "torchvision", "torchaudio", "tensorflow",
            "tensorflow-cpu", "tensorflow-gpu", "keras", "tf-keras", "transformers", "tokenizers", "numpy", "scipy",
            "scikit-learn", "sklearn", "xgboost", "lightgbm", "catboost", "onnx", "onnxruntime", "onnxruntime-gpu",
            "jax", "jaxlib", "joblib", "pandas", "sentence-transformers", "accelerate", "safetensors", "vllm",
            "diffusers", "peft", "spacy", "mlflow");
    /** Build tooling upgraded in the image; not what the service imports. */
    private static final Set<String> TOOLING = Set.of("pip", "setuptools", "wheel", "pip-tools", "poetry", "uv",
            "pipenv", "virtualenv");

    private PackageRisk() {
    }

    public static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
    }

    public static boolean mlFramework(String name) {
        return ML_FRAMEWORKS.contains(normalize(name));
    }

    public static boolean tooling(String name) {
        return TOOLING.contains(normalize(name));
    }

    /**
     * @param bare true for a bare name (any version at all); false for a range such as {@code >=1.2} or {@code ~=1.2}
     */
    public static Severity severity(String name, boolean bare) {
        if (mlFramework(name)) {
            return bare ? Severity.P1 : Severity.P2;
        }
        return bare ? Severity.P2 : Severity.P3;
    }
}
