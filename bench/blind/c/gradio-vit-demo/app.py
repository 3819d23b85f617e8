import os
import time
from functools import lru_cache

import gradio as gr
import torch
from PIL import Image
from transformers import AutoImageProcessor, AutoModelForImageClassification

MODEL_ID = "google/vit-base-patch16-224"
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
PORT = int(os.environ.get("PORT", "7860"))

processor = AutoImageProcessor.from_pretrained(MODEL_ID)
model = AutoModelForImageClassification.from_pretrained(MODEL_ID).to(DEVICE).eval()

prediction_log = []


@lru_cache(maxsize=128)
def pretty_label(raw: str) -> str:
    return raw.split(",")[0].strip().title()


def log_usage(label: str, score: float) -> None:
    try:
        with open("/tmp/usage.csv", "a") as f:
            f.write(f"{time.time():.0f},{label},{score:.4f}\n")
    except Exception:
        pass


def classify(image: Image.Image, top_k: int):
    if image is None:
        return {}
    inputs = processor(images=image.convert("RGB"), return_tensors="pt").to(DEVICE)
    with torch.no_grad():
        logits = model(**inputs).logits
    probs = logits.softmax(dim=-1)[0]
    scores, indices = probs.topk(int(top_k))
    result = {
        pretty_label(model.config.id2label[i.item()]): float(s)
        for s, i in zip(scores, indices)
    }
    best = max(result, key=result.get)
    prediction_log.append({"ts": time.time(), "label": best, "score": result[best], "size": image.size})
    print(f"[{time.strftime('%H:%M:%S')}] predicted {best} ({result[best]:.2%})")
    log_usage(best, result[best])
    return result


def recent_predictions():
    return [
        [time.strftime("%H:%M:%S", time.localtime(p["ts"])), p["label"], f"{p['score']:.2%}"]
        for p in reversed(prediction_log[-20:])
    ]


with gr.Blocks(title="ViT Image Classifier") as demo:
    gr.Markdown("# ViT image classifier\nUpload a photo and get the ImageNet top-k classes.")
    with gr.Row():
        image_in = gr.Image(type="pil", label="Image")
        with gr.Column():
            top_k = gr.Slider(minimum=1, maximum=10, value=5, step=1, label="Top-k")
            run_btn = gr.Button("Classify", variant="primary")
            label_out = gr.Label(num_top_classes=10, label="Prediction")
    history = gr.Dataframe(headers=["time", "label", "score"], interactive=False, label="Recent")

    run_btn.click(classify, inputs=[image_in, top_k], outputs=label_out).then(
        recent_predictions, outputs=history
    )
    demo.load(recent_predictions, outputs=history)

demo.queue(default_concurrency_limit=2, max_size=32)

if __name__ == "__main__":
    demo.launch(server_name=os.environ.get("GRADIO_SERVER_NAME", "0.0.0.0"), server_port=PORT, share=True, debug=True)
