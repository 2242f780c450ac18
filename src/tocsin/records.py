"""Typed records passed between tocsin's stages.

``Article`` enters the pipeline, ``Event`` leaves it; ``Actor`` and
``Location`` are the parts of an event. Field names of ``Event`` and ``Actor``
are the public contract (docs/architecture.md): the same names appear in the
CLI's JSON lines, in the database and in every export.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any, Literal

Modality = Literal["asserted", "future", "conditional", "hypothetical", "intended"]
DatePrecision = Literal["day", "month", "year", "none"]

#: Schema version of the persisted event record (2: location admin1/geonames_id/precision,
#: target_inferred).
EVENT_SCHEMA_VERSION = 2


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hexadecimal id built from ``parts``."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. Only ``text`` is required on input; ``id`` is then derived."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None
    outlet: str | None = None
    #: where it came from: a file name, ``file:line`` for JSONL, ``-`` for stdin
    origin: str | None = None

    @staticmethod
    def make_id(text: str, url: str | None = None) -> str:
        return stable_id(url) if url else stable_id(text)

    @property
    def full_text(self) -> str:
        """Title on its own line (a sentence of its own), then the body."""
        if self.title and not self.text.startswith(self.title):
            return f"{self.title}\n{self.text}"
        return self.text


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts, is acted on, or says so. ``text`` is always the words as written."""

    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    entity_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def resolved(self) -> bool:
        return self.code is not None

    def as_written(self, text: str) -> Actor:
        """The same actor, mentioned as ``text`` ("il", "ce dernier", "l'")."""
        return replace(self, text=text)


LocationPrecision = Literal["place", "admin1", "country"]


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened. ``text`` as written; ``name`` the gazetteer's name;
    ``country`` ISO alpha-3; ``admin1`` the first-level region (GeoNames ``CC.code``,
    or ISO 3166-2 for regions GeoNames does not name); ``lat``/``lon`` the place's
    point (a country's is its capital's); ``geonames_id`` the stable GeoNames id;
    ``precision`` whether it names a place, a region or only a country."""

    text: str
    country: str | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    precision: LocationPrecision | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One coded event: the public event record."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    trigger: str
    trigger_span: tuple[int, int]
    type: str
    mode: str | None
    context: list[str]
    cameo: str
    quad_class: int
    goldstein: float
    source: Actor | None
    target: Actor | None
    negated: bool = False
    modality: Modality = "asserted"
    attribution: Actor | None = None
    date: date | None = None
    date_precision: DatePrecision = "none"
    date_text: str | None = None
    location: Location | None = None
    language: str = "en"
    confidence: float = 0.5
    coder: str = ""
    pattern: str = ""
    #: the target was not read from the sentence: taken from the place attacked ("bombarded
    #: Kharkiv" → UKR) or from the article's main actors
    target_inferred: bool = False

    FIELDS = (
        "event_id", "article_id", "sentence_index", "sentence", "trigger", "trigger_span",
        "type", "mode", "context", "cameo", "quad_class", "goldstein", "source", "target",
        "negated", "modality", "attribution", "date", "date_precision", "date_text",
        "location", "language", "confidence", "coder", "pattern", "target_inferred",
    )

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready values (dates as ISO strings, spans as lists)."""
        out: dict[str, Any] = {}
        for name in self.FIELDS:
            value = getattr(self, name)
            if isinstance(value, (Actor, Location)):
                value = value.to_dict()
            elif isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, list):
                value = list(value)
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        def actor(v: Any) -> Actor | None:
            return Actor(**v) if isinstance(v, dict) else None

        loc = d.get("location")
        when = d.get("date")
        return cls(
            event_id=d["event_id"], article_id=d["article_id"],
            sentence_index=int(d["sentence_index"]), sentence=d["sentence"],
            trigger=d["trigger"], trigger_span=tuple(d["trigger_span"]),  # type: ignore[arg-type]
            type=d["type"], mode=d.get("mode"), context=list(d.get("context") or []),
            cameo=d["cameo"], quad_class=int(d["quad_class"]), goldstein=float(d["goldstein"]),
            source=actor(d.get("source")), target=actor(d.get("target")),
            negated=bool(d.get("negated")), modality=d.get("modality", "asserted"),
            attribution=actor(d.get("attribution")),
            date=date.fromisoformat(when) if isinstance(when, str) else when,
            date_precision=d.get("date_precision", "none"), date_text=d.get("date_text"),
            location=Location(**loc) if isinstance(loc, dict) else None,
            language=d.get("language", "en"), confidence=float(d.get("confidence", 0.5)),
            coder=d.get("coder", ""), pattern=d.get("pattern", ""),
            target_inferred=bool(d.get("target_inferred", False)),
        )


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be coded; the rest of the batch goes on."""

    source: str
    message: str
    code: str
    line: int | None = None
    article_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message} [{self.code}]"


@dataclass(slots=True)
class CodingResult:
    """What a coding run produced: events per article, and the inputs that failed."""

    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


# ---------------------------------------------------------------- dyad series and alerts


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One period of one dyad's series (see docs/alerts.md for every measure).

    ``period`` is the first day of the period (the day, the ISO-week Monday or
    the 1st of the month). ``source``/``target`` are the actor codes as asked.
    ``quad_counts[i]`` counts quad class ``i + 1``. ``intensity`` is tocsin's
    PLOVER-based score (−10 most hostile … +10 most cooperative); ``balance``
    is (cooperation − conflict) / (cooperation + conflict) over quad classes.
    """

    period: date
    source: str
    target: str
    n_events: int
    n_mentions: int
    type_counts: dict[str, int]
    quad_counts: tuple[int, int, int, int]
    goldstein_mean: float | None
    goldstein_sum: float
    intensity_mean: float | None
    intensity_sum: float
    balance: float | None
    n_sources: int
    #: sum of squared intensities (for variance estimates of the mean intensity)
    intensity_sumsq: float = 0.0
    #: negated events in the period (counted only when negated events are asked for)
    n_negated: int = 0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["period"] = self.period.isoformat()
        out["quad_counts"] = list(self.quad_counts)
        out["type_counts"] = dict(self.type_counts)
        return out


@dataclass(frozen=True, slots=True)
class DyadActivity:
    """One dyad's activity in a window against the baseline window before it."""

    source: str
    target: str
    n_events: int
    n_events_baseline: int
    #: log2((n_events + 1) / (n_events_baseline + 1)), baseline scaled to the window length
    change: float
    intensity_mean: float | None
    intensity_mean_baseline: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ALERT_STATES: tuple[str, ...] = ("new", "seen", "dismissed")


@dataclass(frozen=True, slots=True)
class Alert:
    """A change in one dyad between a baseline window and a recent window.

    ``alert_id`` is derived from dyad, kind and windows, so detecting the same
    change again gives the same id and the stored alert (and its state) is kept.
    ``evidence`` holds the event ids that drive the change, strongest first.
    """

    alert_id: str
    source: str
    target: str
    kind: str
    window_start: date
    window_end: date
    baseline_start: date
    baseline_end: date
    observed: float
    expected: float
    score: float
    direction: str
    summary: str
    evidence: tuple[str, ...]
    state: str = "new"
    created_at: datetime | None = None

    @staticmethod
    def make_id(source: str, target: str, kind: str, window_start: date,
                window_end: date) -> str:
        return stable_id("alert", source, target, kind, window_start, window_end)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for name in ("window_start", "window_end", "baseline_start", "baseline_end"):
            out[name] = getattr(self, name).isoformat()
        out["created_at"] = self.created_at.isoformat() if self.created_at else None
        out["evidence"] = list(self.evidence)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Alert:
        def day(v: Any) -> date:
            return date.fromisoformat(v) if isinstance(v, str) else v

        created = d.get("created_at")
        return cls(
            alert_id=d["alert_id"], source=d["source"], target=d["target"], kind=d["kind"],
            window_start=day(d["window_start"]), window_end=day(d["window_end"]),
            baseline_start=day(d["baseline_start"]), baseline_end=day(d["baseline_end"]),
            observed=float(d["observed"]), expected=float(d["expected"]),
            score=float(d["score"]), direction=d["direction"], summary=d["summary"],
            evidence=tuple(d.get("evidence") or ()), state=d.get("state", "new"),
            created_at=datetime.fromisoformat(created) if isinstance(created, str) else created,
        )

# --------------------------------------------------------------------------- ingest state


@dataclass(frozen=True, slots=True)
class SourceState:
    """A followed feed or page and how its polling went (``tocsin status``)."""

    name: str
    url: str
    kind: str
    outlet: str | None = None
    language: str | None = None
    interval_s: float = 900.0
    etag: str | None = None
    last_modified: str | None = None
    last_poll_at: datetime | None = None
    last_success_at: datetime | None = None
    last_status: str | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    #: consecutive failed polls (drives the backoff)
    failures: int = 0
    next_poll_at: datetime | None = None
    n_polls: int = 0
    n_errors: int = 0
    n_articles: int = 0


@dataclass(frozen=True, slots=True)
class IngestedArticle:
    """Identity and coding state of an article stored before it is coded.

    ``status`` is ``pending`` (stored, not coded yet), ``coded``, ``duplicate``
    (a reprint of ``story_id``'s article: stored with its outlet, not coded) or
    ``failed`` (coding failed ``attempts`` times).
    """

    article_id: str
    content_hash: str
    story_id: str
    status: str
    canonical_url: str | None = None
    similarity: float = 1.0
    source_name: str | None = None
    first_seen: datetime | None = None
    minhash: bytes | None = None
