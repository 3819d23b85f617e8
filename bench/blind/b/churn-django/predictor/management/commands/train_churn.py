import joblib
import pandas as pd
from django.conf import settings
from django.core.management.base import BaseCommand
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

from predictor.views import FEATURES


class Command(BaseCommand):
    help = "Train the churn model from a CSV export and write it to MODEL_PATH"

    def add_arguments(self, parser):
        parser.add_argument("csv_path")
        parser.add_argument("--n-estimators", type=int, default=300)

    def handle(self, *args, **opts):
        df = pd.read_csv(opts["csv_path"])
        X, y = df[FEATURES].values, df["churned"].values
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=7)
        clf = GradientBoostingClassifier(n_estimators=opts["n_estimators"], max_depth=3)
        clf.fit(X_tr, y_tr)
        auc = roc_auc_score(y_te, clf.predict_proba(X_te)[:, 1])
        print(f"trained on {len(X_tr)} rows, test AUC = {auc:.4f}")
        settings.MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(clf, settings.MODEL_PATH)
        print(f"saved model to {settings.MODEL_PATH}")
