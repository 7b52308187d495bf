"""The pipeline on top: read → resolve → format → render → engine → check → publish,
and the exports made from it."""
