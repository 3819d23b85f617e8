import json
import logging
import os
import signal

from confluent_kafka import Consumer, KafkaError, KafkaException

from scorer.db import connect, write_scores
from scorer.model import FraudModel

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"), format="%(asctime)s %(levelname)s %(name)s %(message)s")
logger = logging.getLogger("scorer.consumer")

BATCH_SIZE = int(os.environ.get("BATCH_SIZE", "200"))

_running = True


def _handle_sigterm(signum, frame):
    global _running
    logger.info("received signal %s, finishing current batch", signum)
    _running = False


def build_consumer() -> Consumer:
    return Consumer({
        "bootstrap.servers": os.environ["KAFKA_BOOTSTRAP"],
        "group.id": os.environ.get("KAFKA_GROUP", "txn-scorer"),
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "session.timeout.ms": 45000,
    })


def main() -> None:
    signal.signal(signal.SIGTERM, _handle_sigterm)
    signal.signal(signal.SIGINT, _handle_sigterm)

    model = FraudModel(os.environ.get("MODEL_PATH", "/models/fraud_xgb.json"))
    conn = connect()
    consumer = build_consumer()
    consumer.subscribe([os.environ.get("KAFKA_TOPIC", "transactions")])

    try:
        while _running:
            msgs = consumer.consume(num_messages=BATCH_SIZE, timeout=1.0)
            if not msgs:
                continue
            events = []
            for msg in msgs:
                if msg.error():
                    if msg.error().code() == KafkaError._PARTITION_EOF:
                        continue
                    raise KafkaException(msg.error())
                try:
                    events.append(json.loads(msg.value()))
                except json.JSONDecodeError:
                    logger.warning("skipping malformed message at %s[%d]@%d", msg.topic(), msg.partition(), msg.offset())
            if not events:
                consumer.commit(asynchronous=False)
                continue
            scores = model.score_batch(events)
            rows = [
                (e["txn_id"], e["card_id"], float(s), bool(s >= model.threshold), model.version)
                for e, s in zip(events, scores)
            ]
            write_scores(conn, rows)
            consumer.commit(asynchronous=False)
            logger.info("scored batch of %d (flagged=%d)", len(rows), sum(r[3] for r in rows))
    finally:
        logger.info("closing consumer and db connection")
        consumer.close()
        conn.close()


if __name__ == "__main__":
    main()
