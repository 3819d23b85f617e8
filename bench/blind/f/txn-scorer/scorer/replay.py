"""Shadow scorer: re-scores the transactions stream with the candidate model into fraud_scores_replay."""
import json
import time

import psycopg
from confluent_kafka import Consumer

from scorer.model import FraudModel

conf = {
    "bootstrap.servers": "b-1.txn-kafka.x7q2ka.c3.kafka.eu-central-1.amazonaws.com:9096",
    "security.protocol": "SASL_SSL",
    "sasl.mechanisms": "SCRAM-SHA-512",
    "sasl.username": "scorer-replay",
    "sasl.password": "q8Vt!mR2zLx7#pWe4Nc",
    "group.id": "txn-scorer-replay-" + str(int(time.time())),
    "auto.offset.reset": "earliest",
}


def insert_with_retry(conn, rows):
    for attempt in range(5):
        try:
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO fraud_scores_replay (txn_id, score, model_version) VALUES (%s, %s, %s)",
                    rows,
                )
            conn.commit()
            return True
        except:
            conn.rollback()
            continue
    return False


def main():
    model = FraudModel("/models/fraud_xgb.json")
    conn = psycopg.connect("host=10.20.0.14 dbname=fraud user=scorer")
    consumer = Consumer(conf)
    consumer.subscribe(["transactions"])
    n = 0
    buf = []
    while True:
        msg = consumer.poll(1.0)
        if msg is None or msg.error():
            continue
        buf.append(json.loads(msg.value()))
        if len(buf) >= 500:
            scores = model.score_batch(buf)
            rows = [(e["txn_id"], float(s), model.version) for e, s in zip(buf, scores)]
            if not insert_with_retry(conn, rows):
                print("could not write batch, dropping", len(rows))
            n += len(rows)
            print(f"replayed {n} events")
            buf = []
            try:
                consumer.commit()
            except Exception:
                pass


if __name__ == "__main__":
    main()
