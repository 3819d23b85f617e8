import argparse

import joblib
import pandas as pd

from config import MODEL_PATH


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--customer", required=True)
    p.add_argument("--format", default="pdf")
    args = p.parse_args()
    model = joblib.load(MODEL_PATH)
    importances = pd.Series(model.feature_importances_).sort_values(ascending=False)
    print("Report for customer", args.customer)
    print(importances.head(10).to_string())


if __name__ == "__main__":
    main()
