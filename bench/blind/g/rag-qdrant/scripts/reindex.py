"""Re-embed every PDF already in the upload directory (e.g. after changing the embedding model)."""
import argparse
from pathlib import Path
from types import SimpleNamespace

from rag.ingest import ingest_pdf
from rag.retriever import QdrantRetriever
from rag.settings import load_settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=Path, default=Path("config.yaml"))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    settings = load_settings(args.config)
    retriever = QdrantRetriever(settings)
    pdfs = sorted(Path(settings.upload_dir).glob("*.pdf"))
    total = 0
    for pdf in pdfs:
        if args.dry_run:
            print(f"would reindex {pdf.name}")
            continue
        with open(pdf, "rb") as fh:
            total += ingest_pdf(SimpleNamespace(filename=pdf.name, file=fh), retriever, settings)
    print(f"reindexed {len(pdfs)} files, {total} chunks")


if __name__ == "__main__":
    main()
