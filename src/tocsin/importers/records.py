"""What importing a file produces: events (with their pseudo-articles) and a report."""

from __future__ import annotations

from dataclasses import dataclass, field

from tocsin.records import Article, Event, InputProblem


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """One input row as tocsin records: a pseudo-article (the row's source document)
    and the events the row yields (several when compound actors are expanded)."""

    article: Article
    events: tuple[Event, ...]


@dataclass(slots=True)
class ImportReport:
    """Counts of one import: rows read, events stored, rows skipped and why."""

    dataset: str
    files: list[str] = field(default_factory=list)
    rows: int = 0
    events: int = 0
    #: rows whose event code has no PLOVER type (CAMEO 01x "make statement", …)
    unmapped: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    #: problems beyond this many are counted, not kept
    max_problems: int = 1000
    n_problems: int = 0

    def add_problem(self, problem: InputProblem) -> None:
        self.n_problems += 1
        if len(self.problems) < self.max_problems:
            self.problems.append(problem)

    def to_dict(self) -> dict[str, object]:
        return {
            "dataset": self.dataset, "files": list(self.files), "rows": self.rows,
            "events": self.events, "unmapped": self.unmapped,
            "bad_rows": self.n_problems,
            "problems": [str(p) for p in self.problems],
        }
