import argparse
from pathlib import Path

import joblib
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

from features import build_frame


def train(csv_path: Path, out_path: Path, n_estimators: int, seed: int) -> dict:
    raw = pd.read_csv(csv_path)
    y = raw["churned"].astype(int)
    X = build_frame(raw.to_dict("records"))
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)

    clf = RandomForestClassifier(
        n_estimators=n_estimators,
        max_depth=12,
        class_weight="balanced",
        n_jobs=-1,
        random_state=seed,
    )
    clf.fit(X_tr, y_tr)
    proba = clf.predict_proba(X_te)[:, 1]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(clf, out_path)
    return {
        "auc": roc_auc_score(y_te, proba),
        "report": classification_report(y_te, (proba >= 0.5).astype(int)),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train the churn random forest")
    parser.add_argument("--data", type=Path, default=Path("data/churn.csv"))
    parser.add_argument("--out", type=Path, default=Path("models/churn_rf_v3.joblib"))
    parser.add_argument("--n-estimators", type=int, default=300)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    metrics = train(args.data, args.out, args.n_estimators, args.seed)
    print(f"ROC AUC: {metrics['auc']:.4f}")
    print(metrics["report"])
    print(f"model written to {args.out}")
