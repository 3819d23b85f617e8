import argparse
import datetime as dt
import pickle
import sys

from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from src.common import load_config, read_csv_prefix, s3_client
from src.features import build_features


def main():
    parser = argparse.ArgumentParser(description="Train the fraud GBM and upload it to S3")
    parser.add_argument("--config", default="config/job.yaml")
    parser.add_argument("--min-ap", type=float, default=0.35)
    args = parser.parse_args()

    cfg = load_config(args.config)
    s3 = s3_client()

    print(f"reading s3://{cfg['bucket']}/{cfg['raw_prefix']}")
    raw = read_csv_prefix(s3, cfg["bucket"], cfg["raw_prefix"])
    X = build_features(raw)[cfg["features"]]
    y = raw[cfg["label"]].astype(int)
    print(f"{len(X)} rows, fraud rate {y.mean():.4f}")

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
    model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, class_weight="balanced")
    model.fit(X_tr, y_tr)

    p = model.predict_proba(X_te)[:, 1]
    auc = roc_auc_score(y_te, p)
    ap = average_precision_score(y_te, p)
    print(f"AUC={auc:.4f} AP={ap:.4f}")
    if ap < args.min_ap:
        print(f"average precision {ap:.3f} below {args.min_ap}, not publishing")
        sys.exit(2)

    version = dt.datetime.utcnow().strftime("%Y%m%d-%H%M")
    blob = pickle.dumps({"model": model, "features": cfg["features"], "version": version})
    key = f"{cfg['model_prefix']}{version}/model.pkl"
    s3.put_object(Bucket=cfg["bucket"], Key=key, Body=blob)
    s3.put_object(Bucket=cfg["bucket"], Key=f"{cfg['model_prefix']}LATEST", Body=version.encode())
    print(f"uploaded s3://{cfg['bucket']}/{key}")


if __name__ == "__main__":
    main()
