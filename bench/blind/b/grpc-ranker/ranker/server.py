import json
import logging
import os
from concurrent import futures

import grpc
import joblib
import numpy as np

import ranker_pb2
import ranker_pb2_grpc
from ranker.utils import feature_store_ping, fetch_features, load_config, load_feature_schema

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("ranker")

CONFIG = load_config(os.environ.get("RANKER_CONFIG", "config.yaml"))
FS_HOST = os.environ.get("FEATURE_STORE_HOST", "feature-store")
FS_PORT = int(os.environ.get("FEATURE_STORE_PORT", "6380"))


class RankerServicer(ranker_pb2_grpc.RankerServicer):
    def __init__(self, model, schema, pool):
        self.model = model
        self.columns = [c["name"] for c in schema["features"]]
        self.pool = pool
        self.version = CONFIG.get("model_version", "dev")

    def _matrix(self, user_id, item_ids):
        feats = fetch_features(FS_HOST, FS_PORT, user_id, list(item_ids))
        return np.array([[f.get(c, 0.0) for c in self.columns] for f in feats], dtype=np.float32)

    def Rank(self, request, context):
        if not request.item_ids:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "item_ids is empty")
        X = self._matrix(request.user_id, request.item_ids)
        fut = self.pool.submit(self.model.predict_proba, X)
        scores = fut.result()[:, 1]
        order = np.argsort(-scores)[: request.top_k or 20]
        items = [ranker_pb2.ScoredItem(item_id=request.item_ids[i], score=float(scores[i])) for i in order]
        return ranker_pb2.RankResponse(items=items, model_version=self.version)

    def _explain(self, user_id, item_ids, opts):
        X = self._matrix(user_id, item_ids)
        importances = getattr(self.model, "feature_importances_", np.zeros(len(self.columns)))
        top_n = int(opts.get("top_n", 5))
        ranked = sorted(zip(self.columns, importances.tolist()), key=lambda kv: -kv[1])[:top_n]
        return {"features": ranked, "rows": int(X.shape[0])}

    def Explain(self, request, context):
        opts = json.loads(request.options_json or "{}")
        fut = self.pool.submit(self._explain, request.user_id, request.item_ids, opts)
        try:
            result = fut.result(timeout=2.0)
        except futures.TimeoutError:
            context.abort(grpc.StatusCode.DEADLINE_EXCEEDED, "explain timed out")
        return ranker_pb2.ExplainResponse(explanation_json=json.dumps(result))


def serve():
    feature_store_ping(FS_HOST, FS_PORT)
    model = joblib.load(CONFIG["model_path"])
    schema = load_feature_schema(CONFIG["feature_schema"])
    scoring_pool = futures.ThreadPoolExecutor(max_workers=4)

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=CONFIG.get("grpc_workers", 8)))
    ranker_pb2_grpc.add_RankerServicer_to_server(RankerServicer(model, schema, scoring_pool), server)
    port = CONFIG.get("port", 50051)
    server.add_insecure_port(f"[::]:{port}")
    server.start()
    print(f"ranker {CONFIG.get('model_version')} listening on {port}")
    server.wait_for_termination()


if __name__ == "__main__":
    serve()
