"""Offline: embed the corpus (jsonl with id/text) and write docs.faiss + doc_ids.npy."""
import argparse
import json
import os

import faiss
import numpy as np
from sentence_transformers import SentenceTransformer


def read_corpus(path):
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            ids.append(rec["id"])
            texts.append(rec["text"])
    return ids, texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--out", default="index")
    ap.add_argument("--model", default="sentence-transformers/all-MiniLM-L6-v2")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()

    ids, texts = read_corpus(args.corpus)
    model = SentenceTransformer(args.model)
    emb = model.encode(texts, batch_size=args.batch_size, normalize_embeddings=True, show_progress_bar=True)
    emb = np.asarray(emb, dtype="float32")

    index = faiss.IndexFlatIP(emb.shape[1])
    index.add(emb)
    os.makedirs(args.out, exist_ok=True)
    faiss.write_index(index, os.path.join(args.out, "docs.faiss"))
    np.save(os.path.join(args.out, "doc_ids.npy"), np.array(ids))
    print(f"wrote {index.ntotal} vectors (dim={emb.shape[1]}) to {args.out}")


if __name__ == "__main__":
    main()
