from typing import List

import asyncpg

from triage import settings


async def create_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(
        host=settings.DB_HOST,
        port=settings.DB_PORT,
        database=settings.DB_NAME,
        user=settings.DB_USER,
        password=settings.DB_PASSWORD,
        min_size=2,
        max_size=10,
    )


async def claim_tickets(pool: asyncpg.Pool, limit: int) -> List[asyncpg.Record]:
    return await pool.fetch(
        """
        UPDATE tickets SET triage_status = 'processing'
        WHERE id IN (
            SELECT id FROM tickets
            WHERE triage_status = 'new'
            ORDER BY created_at
            LIMIT $1
            FOR UPDATE SKIP LOCKED
        )
        RETURNING id, subject, body
        """,
        limit,
    )


async def save_prediction(pool: asyncpg.Pool, ticket_id: str, label: str, score: float) -> None:
    await pool.execute(
        """
        INSERT INTO ticket_predictions (ticket_id, label, score, created_at)
        VALUES ($1, $2, $3, now())
        ON CONFLICT (ticket_id) DO UPDATE SET label = $2, score = $3, created_at = now()
        """,
        ticket_id,
        label,
        score,
    )
    await pool.execute("UPDATE tickets SET triage_status = 'done' WHERE id = $1", ticket_id)


async def list_predictions(pool: asyncpg.Pool, limit: int) -> List[asyncpg.Record]:
    return await pool.fetch(
        "SELECT ticket_id, label, score, created_at FROM ticket_predictions ORDER BY created_at DESC LIMIT $1",
        limit,
    )
