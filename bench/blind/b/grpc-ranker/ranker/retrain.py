import argparse
import os
from datetime import datetime, timezone

import joblib
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

from ranker.utils import load_feature_schema


def main():
    parser = argparse.ArgumentParser(description="nightly ranker retrain")
    parser.add_argument("--data", default=os.environ.get("TRAIN_DATA", "/data/interactions.parquet"))
    parser.add_argument("--schema", default="feature_schema.yaml")
    parser.add_argument("--out-dir", default=os.environ.get("MODEL_DIR", "/models"))
    args = parser.parse_args()

    cols = [c["name"] for c in load_feature_schema(args.schema)["features"]]
    df = pd.read_parquet(args.data)
    X_tr, X_te, y_tr, y_te = train_test_split(df[cols], df["clicked"], test_size=0.1, random_state=0)
    clf = GradientBoostingClassifier(n_estimators=200, max_depth=4, subsample=0.8)
    clf.fit(X_tr, y_tr)
    auc = roc_auc_score(y_te, clf.predict_proba(X_te)[:, 1])

    stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M")
    path = os.path.join(args.out_dir, f"ranker-{stamp}.joblib")
    joblib.dump(clf, path)
    print(f"auc={auc:.4f} rows={len(df)} saved={path}")


if __name__ == "__main__":
    main()
