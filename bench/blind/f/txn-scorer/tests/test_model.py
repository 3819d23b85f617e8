import json

import numpy as np
import pytest
import xgboost as xgb

from scorer.model import FEATURES, FraudModel


@pytest.fixture()
def tiny_model(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.random((200, len(FEATURES)), dtype=np.float32)
    y = (X[:, 0] > 0.7).astype(int)
    booster = xgb.train({"objective": "binary:logistic", "max_depth": 2}, xgb.DMatrix(X, y, feature_names=FEATURES), 5)
    path = tmp_path / "m.json"
    booster.save_model(str(path))
    (tmp_path / "m.meta.json").write_text(json.dumps({"version": "test", "threshold": 0.6}))
    return FraudModel(str(path))


def test_score_batch_shape(tiny_model):
    events = [{"amount": 12.5, "hour_of_day": 3}, {"amount": 900.0, "hour_of_day": 23, "foreign": 1}]
    scores = tiny_model.score_batch(events)
    assert scores.shape == (2,)
    assert ((0 <= scores) & (scores <= 1)).all()
