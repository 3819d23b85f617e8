import argparse
import os
from pathlib import Path

import pandas as pd
from sqlalchemy import create_engine, text

QUERY = text(
    """
    SELECT user_id, item_id, event_type, created_at
    FROM events
    WHERE created_at >= :day AND created_at < CAST(:day AS date) + INTERVAL '1 day'
      AND event_type IN ('view', 'click', 'purchase')
    """
)
WEIGHTS = {"view": 1.0, "click": 3.0, "purchase": 10.0}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--date", required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    engine = create_engine(
        os.environ["WAREHOUSE_URL"],
        connect_args={"connect_timeout": 10, "options": "-c statement_timeout=600000"},
    )
    with engine.connect() as conn:
        events = pd.read_sql(QUERY, conn, params={"day": args.date})

    events["weight"] = events["event_type"].map(WEIGHTS)
    interactions = events.groupby(["user_id", "item_id"], as_index=False)["weight"].sum()

    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{args.date}.parquet"
    interactions.to_parquet(target, index=False)
    print(f"wrote {len(interactions)} interactions ({len(events)} raw events) to {target}")


if __name__ == "__main__":
    main()
