"""Precompute recommendations for the most active users and push them to Redis."""
import argparse

from recsys import cache, db, model


def most_active_users(n: int) -> list[int]:
    with db.connection() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT user_id FROM interactions GROUP BY user_id ORDER BY count(*) DESC LIMIT %s",
            (n,),
        )
        return [row[0] for row in cur.fetchall()]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--k", type=int, default=20)
    args = parser.parse_args()

    db.init_pool()
    model.index.load()
    users = most_active_users(args.users)
    for n, user_id in enumerate(users, 1):
        cache.set_cached(user_id, model.recommend(user_id, args.k))
        if n % 100 == 0:
            print(f"warmed {n}/{len(users)} users")
    print("done")
    db.close_pool()
