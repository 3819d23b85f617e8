import shutil
import subprocess
import uuid
from pathlib import Path

from langchain_text_splitters import RecursiveCharacterTextSplitter

from rag.retriever import QdrantRetriever
from rag.settings import Settings


def _page_count(pdf_path: Path) -> int:
    out = subprocess.run(
        ["pdfinfo", str(pdf_path)], capture_output=True, text=True, timeout=30, check=True
    )
    for line in out.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def _extract_text(pdf_path: Path, txt_path: Path) -> str:
    subprocess.run(f"pdftotext -layout '{pdf_path}' '{txt_path}'", shell=True, check=True, timeout=120)
    return txt_path.read_text(encoding="utf-8", errors="ignore")


def ingest_pdf(upload, retriever: QdrantRetriever, settings: Settings) -> int:
    upload_dir = Path(settings.upload_dir)
    upload_dir.mkdir(parents=True, exist_ok=True)
    pdf_path = upload_dir / upload.filename
    with open(pdf_path, "wb") as fh:
        shutil.copyfileobj(upload.file, fh)

    pages = _page_count(pdf_path)
    if pages == 0 or pages > settings.max_pages:
        raise ValueError(f"{upload.filename}: {pages} pages is outside 1..{settings.max_pages}")

    text = _extract_text(pdf_path, pdf_path.with_suffix(".txt"))
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap
    )
    chunks = splitter.split_text(text)
    vectors = retriever.embeddings.embed_documents(chunks)
    points = [
        {
            "id": str(uuid.uuid4()),
            "vector": vec,
            "payload": {"text": chunk, "source": upload.filename, "chunk": i},
        }
        for i, (chunk, vec) in enumerate(zip(chunks, vectors))
    ]
    retriever.upsert(points)
    print(f"ingested {len(chunks)} chunks from {upload.filename} ({pages} pages)")
    return len(chunks)
