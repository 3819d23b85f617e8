import time

import spacy

from ner_service.batch import BatchProcessor


def test_batch_roundtrip():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "ETH Zurich"}])
    proc = BatchProcessor(nlp, max_pending=4, max_results=2)
    proc.start()
    job = proc.submit(["I study at ETH Zurich.", "nothing here"])
    for _ in range(50):
        if proc.status(job)["status"] == "done":
            break
        time.sleep(0.05)
    result = proc.status(job)
    print(result)
    assert result["entities"][0][0]["label"] == "ORG"
    assert result["entities"][1] == []


def test_results_are_bounded():
    proc = BatchProcessor(spacy.blank("en"), max_results=2)
    ids = [proc.submit(["x"]) for _ in range(3)]
    assert proc.status(ids[0]) is None
