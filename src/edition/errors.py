"""The exceptions of the pipeline: bad input, located; and checks that failed on what was built."""

from __future__ import annotations

from pathlib import Path


class EditionError(Exception):
    """Bad input, located: the file, the line or entry, and what is wrong."""

    def __init__(self, path: Path | str, where: int | str | None, message: str) -> None:
        self.path = Path(path)
        self.where = where
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        location = str(self.path)
        if isinstance(self.where, int):
            location += f":{self.where}"
        elif self.where:
            location += f" [{self.where}]"
        return f"{location}: {self.message}"


class CheckFailed(Exception):
    """What was built fails its checks: every problem found, one a line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        heading = [] if len(problems) == 1 else [f"{len(problems)} checks failed:"]
        super().__init__("\n".join(heading + problems))
