import logging

from fastapi import APIRouter, Depends, HTTPException, Request
from sqlmodel import Session, select

from app.deps import get_session
from app.models import ScoredTransaction

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/admin", tags=["admin"])


@router.post("/relabel")
async def relabel(request: Request, session: Session = Depends(get_session)) -> dict:
    payload = await request.json()
    ids = payload["transaction_ids"]
    label = payload["flagged"]
    rows = session.exec(
        select(ScoredTransaction).where(ScoredTransaction.transaction_id.in_(ids))
    ).all()
    for row in rows:
        row.flagged = label
        session.add(row)
    session.commit()
    logger.info("relabelled %d transactions", len(rows))
    return {"updated": len(rows)}


@router.get("/transactions/{transaction_id}")
def get_transaction(transaction_id: str, session: Session = Depends(get_session)) -> ScoredTransaction:
    row = session.exec(
        select(ScoredTransaction).where(ScoredTransaction.transaction_id == transaction_id)
    ).first()
    if row is None:
        raise HTTPException(status_code=404, detail="not found")
    return row
