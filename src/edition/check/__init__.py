"""Check stage: the built outputs read back and held against the received text and
against themselves (words, links and anchors)."""
