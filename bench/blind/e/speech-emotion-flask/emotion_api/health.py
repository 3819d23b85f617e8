from flask import Blueprint, jsonify
from sqlalchemy import text

from .db import db_session

bp = Blueprint("health", __name__)


@bp.get("/health")
def health():
    return jsonify(status="ok")


@bp.get("/health/ready")
def ready():
    try:
        db_session.execute(text("SELECT 1"))
    except Exception as exc:
        return jsonify(status="unavailable", reason=type(exc).__name__), 503
    return jsonify(status="ready")
