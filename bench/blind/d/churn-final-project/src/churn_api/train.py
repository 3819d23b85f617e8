import argparse
from pathlib import Path

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .model import FEATURE_COLUMNS

NUMERIC = ["tenure", "monthly_charges", "total_charges", "senior_citizen", "num_support_tickets"]
CATEGORICAL = ["contract", "payment_method", "internet_service"]


def build_pipeline(n_estimators: int, max_depth: int | None) -> Pipeline:
    pre = ColumnTransformer(
        [
            ("num", StandardScaler(), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
    clf = RandomForestClassifier(
        n_estimators=n_estimators,
        max_depth=max_depth,
        class_weight="balanced",
        n_jobs=-1,
        random_state=42,
    )
    return Pipeline([("pre", pre), ("clf", clf)])


def train(data: Path, out: Path, n_estimators: int, max_depth: int | None) -> float:
    df = pd.read_csv(data)
    df["total_charges"] = pd.to_numeric(df["total_charges"], errors="coerce").fillna(0.0)
    X, y = df[FEATURE_COLUMNS], (df["churn"] == "Yes").astype(int)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
    pipe = build_pipeline(n_estimators, max_depth)
    pipe.fit(X_train, y_train)
    auc = roc_auc_score(y_test, pipe.predict_proba(X_test)[:, 1])
    out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(pipe, out)
    return auc


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train the churn random forest")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("models/churn_rf_v3.joblib"))
    parser.add_argument("--n-estimators", type=int, default=300)
    parser.add_argument("--max-depth", type=int, default=None)
    args = parser.parse_args()
    score = train(args.data, args.out, args.n_estimators, args.max_depth)
    print(f"saved {args.out} (test ROC AUC = {score:.3f})")
