import argparse
import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from implicit.als import AlternatingLeastSquares

DATA = Path("/mnt/shared/data")
ARTIFACTS = Path("/mnt/shared/artifacts")


def load_window(end_date: str, days: int) -> pd.DataFrame:
    dates = pd.date_range(end=end_date, periods=days).strftime("%Y-%m-%d")
    frames = [pd.read_parquet(DATA / "interactions" / f"{d}.parquet") for d in dates
              if (DATA / "interactions" / f"{d}.parquet").exists()]
    print(f"loaded {len(frames)} daily files")
    return pd.concat(frames).groupby(["user_id", "item_id"], as_index=False)["weight"].sum()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--date", required=True)
    parser.add_argument("--window", type=int, default=28)
    parser.add_argument("--factors", type=int, default=64)
    parser.add_argument("--iterations", type=int, default=15)
    parser.add_argument("--regularization", type=float, default=0.05)
    args = parser.parse_args()

    df = load_window(args.date, args.window)
    user_ids = np.sort(df.user_id.unique())
    item_ids = np.sort(df.item_id.unique())
    user_index = {int(u): i for i, u in enumerate(user_ids)}
    item_index = {int(it): i for i, it in enumerate(item_ids)}
    rows = df.user_id.map(user_index).to_numpy()
    cols = df.item_id.map(item_index).to_numpy()
    user_items = sp.csr_matrix((df.weight.to_numpy(np.float32), (rows, cols)),
                               shape=(len(user_ids), len(item_ids)))

    model = AlternatingLeastSquares(factors=args.factors, iterations=args.iterations,
                                    regularization=args.regularization, random_state=7)
    model.fit(user_items)

    popular = item_ids[np.asarray(user_items.sum(axis=0)).ravel().argsort()[::-1][:200]]
    bundle = {
        "model": model,
        "user_index": user_index,
        "item_ids": item_ids,
        "user_items": user_items,
        "popular": [int(i) for i in popular],
        "trained_on": args.date,
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out = ARTIFACTS / f"als_{args.date}.pkl"
    with open(out, "wb") as f:
        pickle.dump(bundle, f, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"trained ALS on {user_items.shape[0]} users x {user_items.shape[1]} items -> {out}")


if __name__ == "__main__":
    main()
