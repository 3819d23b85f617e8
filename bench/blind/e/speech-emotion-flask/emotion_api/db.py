from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Float, Integer, String, create_engine
from sqlalchemy.orm import declarative_base, scoped_session, sessionmaker

Base = declarative_base()
db_session = scoped_session(sessionmaker(autocommit=False, autoflush=False))


class Prediction(Base):
    __tablename__ = "predictions"

    id = Column(Integer, primary_key=True)
    filename = Column(String(255), nullable=False)
    label = Column(String(32), nullable=False)
    confidence = Column(Float, nullable=False)
    model_version = Column(String(32), nullable=False)
    created_at = Column(DateTime, default=lambda: datetime.now(timezone.utc))


def init_db(url: str) -> None:
    engine = create_engine(url, pool_pre_ping=True)
    db_session.configure(bind=engine)
    Base.metadata.create_all(bind=engine)


def shutdown_session(exception=None) -> None:
    db_session.remove()


def save_prediction(filename: str, label: str, confidence: float, version: str) -> int:
    row = Prediction(
        filename=filename, label=label, confidence=confidence, model_version=version
    )
    db_session.add(row)
    try:
        db_session.commit()
    except:
        db_session.rollback()
        raise
    return row.id
