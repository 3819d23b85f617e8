"""Chunk the course pages, embed them and upsert into Qdrant.

usage: python scripts/ingest.py urls.txt
"""
import hashlib
import os
import sys

import httpx
from bs4 import BeautifulSoup
from openai import OpenAI

OPENAI_API_KEY = os.getenv("OPENAI_API_KEY", "sk-proj-Jq3V8xT2mYb7LwR0aKd5ZpN1sFh9GcE4uXo6iWt3")
QDRANT_URL = os.getenv("RAG_QDRANT_URL", "http://localhost:6333")
COLLECTION = os.getenv("RAG_QDRANT_COLLECTION", "course_docs")
CHUNK_CHARS = 1200
OVERLAP = 200


def chunk(text: str):
    start = 0
    while start < len(text):
        yield text[start:start + CHUNK_CHARS]
        start += CHUNK_CHARS - OVERLAP


def page_text(url: str) -> str:
    r = httpx.get(url, follow_redirects=True)
    r.raise_for_status()
    soup = BeautifulSoup(r.text, "html.parser")
    for tag in soup(["script", "style", "nav", "footer"]):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())


def main(urls_file: str) -> None:
    client = OpenAI(api_key=OPENAI_API_KEY, timeout=60)
    with open(urls_file) as f:
        urls = [u.strip() for u in f if u.strip()]
    points = []
    for url in urls:
        for i, piece in enumerate(chunk(page_text(url))):
            emb = client.embeddings.create(model="text-embedding-3-small", input=piece).data[0].embedding
            pid = int(hashlib.sha1(f"{url}#{i}".encode()).hexdigest()[:15], 16)
            points.append({"id": pid, "vector": emb, "payload": {"text": piece, "source": url}})
        print(f"{url}: {len(points)} points so far")
    r = httpx.put(f"{QDRANT_URL}/collections/{COLLECTION}/points?wait=true", json={"points": points}, timeout=120)
    r.raise_for_status()
    print("upserted", len(points))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    main(sys.argv[1])
