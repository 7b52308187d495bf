"""Messages that libraries log, kept for our own errors instead of printed to stderr."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def captured(name: str, level: int = logging.WARNING) -> Iterator[list[str]]:
    """Collect what the named logger emits at `level` or above while the block runs."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(" ".join(record.getMessage().split()))

    logger = logging.getLogger(name)
    handler, propagate = Collect(level), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
