import logging
import os

from fastapi import FastAPI, File, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from pydantic import BaseModel, Field
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address

from rag.ingest import ingest_pdf
from rag.retriever import QdrantRetriever
from rag.settings import OPENAI_API_KEY, load_settings

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
logger = logging.getLogger("rag")

settings = load_settings()
retriever = QdrantRetriever(settings)
llm = ChatOpenAI(
    model="gpt-4o-mini",
    temperature=0,
    api_key=OPENAI_API_KEY,
    max_retries=2,
    timeout=30,
)

PROMPT = ChatPromptTemplate.from_messages(
    [
        ("system", "Answer only from the course material below. If it is not there, say so.\n\n{context}"),
        ("human", "{question}"),
    ]
)

limiter = Limiter(key_func=get_remote_address, default_limits=["60/minute"])
app = FastAPI(title="course-rag", version="0.2.0", debug=True)
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)

answer_cache: dict[str, dict] = {}


class AskRequest(BaseModel):
    question: str = Field(min_length=3, max_length=2000)
    top_k: int = Field(default=4, ge=1, le=20)


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.get("/readyz")
def readyz():
    if not retriever.ping():
        raise HTTPException(status_code=503, detail="vector store unreachable")
    return {"ready": True}


@app.post("/ask")
@limiter.limit("10/minute")
def ask(request: Request, body: AskRequest):
    key = f"{body.question.strip().lower()}|{body.top_k}"
    if key in answer_cache:
        return answer_cache[key]
    docs = retriever.search(body.question, body.top_k)
    context = "\n\n".join(d["text"] for d in docs)
    message = (PROMPT | llm).invoke({"context": context, "question": body.question})
    result = {"answer": message.content, "sources": sorted({d["source"] for d in docs})}
    answer_cache[key] = result
    return result


@app.post("/ingest")
@limiter.limit("5/hour")
async def ingest(request: Request, file: UploadFile = File(...)):
    if file.content_type != "application/pdf":
        raise HTTPException(status_code=415, detail="only PDF uploads are supported")
    try:
        chunks = await run_in_threadpool(ingest_pdf, file, retriever, settings)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    return {"file": file.filename, "chunks": chunks}
