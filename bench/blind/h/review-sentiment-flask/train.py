import argparse

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
import pickle


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/reviews.csv")
    args = parser.parse_args()

    df = pd.read_csv(args.data)
    X_train, X_test, y_train, y_test = train_test_split(
        df["review"], df["sentiment"], test_size=0.2, random_state=42
    )
    vec = TfidfVectorizer(max_features=20000, ngram_range=(1, 2))
    Xtr = vec.fit_transform(X_train)
    clf = LogisticRegression(max_iter=1000)
    clf.fit(Xtr, y_train)
    acc = clf.score(vec.transform(X_test), y_test)
    print(f"test accuracy: {acc:.3f}")
    joblib.dump(vec, "models/tfidf.joblib")
    with open("models/sentiment_lr.pkl", "wb") as f:
        pickle.dump(clf, f)


if __name__ == "__main__":
    main()
