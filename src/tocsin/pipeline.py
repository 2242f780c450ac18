"""The coding pipeline: articles in, events out — the library function the CLI wraps.

    Article ──language──▶ spaCy parse (batched, one pipeline per language, in a worker thread)
            ──coder────▶ Events ──store (optional)──▶ DuckDB

An :class:`Engine` loads the models and data once; reuse it for many calls.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing, nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from tocsin.actors import Resolver, load_knowledge_base
from tocsin.coding.coder import Coder, CoderOptions
from tocsin.errors import CoderError, TocsinError, UnsupportedLanguageError
from tocsin.lang import SUPPORTED_LANGUAGES, load_language
from tocsin.nlp import Pipelines
from tocsin.nlp.background import Background, in_background, quick_switching
from tocsin.nlp.headline import sentence_case
from tocsin.nlp.langid import detect_language
from tocsin.nlp.parse_process import ParseJob, ParseProcess
from tocsin.nlp.prefilter import Prefilter
from tocsin.nlp.segment import split_sentences
from tocsin.ontology import load_ontology
from tocsin.places import blank_dateline
from tocsin.records import Article, CodingResult, Event, InputProblem

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PipelineOptions:
    """Settings of a coding run."""

    coder: CoderOptions = field(default_factory=CoderOptions)
    #: articles read, parsed and coded together (spaCy parses their sentences
    #: ``Pipelines.sentence_batch_size`` at a time)
    batch_size: int = 64
    #: extra actor files (same formats as the bundled knowledge base)
    actor_files: tuple[Path, ...] = ()
    #: skip sentences with no predicate cue or no actor cue before parsing (tocsin.nlp.prefilter)
    prefilter: bool = True
    #: where spaCy parses while the coder works on the sentences already parsed (the events
    #: are the same whichever): ``"process"``, a child process (tocsin.nlp.parse_process: the
    #: two run on two cores); ``"thread"``, a worker thread of this process
    #: (tocsin.nlp.background); ``"serial"``, parse then code; ``"auto"``, a process when
    #: there are two cores or more and this process may start one, else a thread
    parse_in: str = "auto"


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """One article's result: its events, or the problem that stopped it."""

    article: Article | None
    events: tuple[Event, ...] = ()
    problem: InputProblem | None = None


def normalise_language(code: str | None) -> str | None:
    if not code:
        return None
    return code.strip().lower().replace("_", "-").split("-")[0] or None


PARSE_MODES = ("auto", "process", "thread", "serial")


def parse_mode(requested: str) -> str:
    """The parse mode ``requested`` stands for here (``"auto"`` resolved)."""
    if requested not in PARSE_MODES:
        raise TocsinError(f"parse mode {requested!r} is not one of {', '.join(PARSE_MODES)}")
    if requested != "auto":
        return requested
    # a daemonic process (a Dask worker's) may not start one; the pipes the parsing process
    # talks over are POSIX ones
    if (os.cpu_count() or 1) >= 2 and not multiprocessing.current_process().daemon and os.name == "posix":
        return "process"
    return "thread"


class Engine:
    """Loaded pipelines, lexicons and knowledge base; codes articles.

    With a parsing process (``PipelineOptions.parse_in``), the engine holds a child
    process: :meth:`close` it when done (it also ends when the engine is garbage
    collected, or with the interpreter)."""

    def __init__(self, options: PipelineOptions | None = None):
        self.options = options or PipelineOptions()
        self.parse_in = parse_mode(self.options.parse_in)
        self._parse_process: ParseProcess | None = None
        if self.parse_in == "process":
            # started first: the child loads the spaCy pipelines while this process loads the rest
            self._parse_process = ParseProcess(preload=SUPPORTED_LANGUAGES)
        self.ontology = load_ontology()
        self.knowledge_base = load_knowledge_base(self.options.actor_files)
        self.resolver = Resolver(self.knowledge_base)
        self.languages = {iso: load_language(iso) for iso in SUPPORTED_LANGUAGES}
        self.coder = Coder(self.ontology, self.resolver, self.languages, self.options.coder)
        self.pipelines = Pipelines()
        self.prefilter = (
            Prefilter(self.languages, self.knowledge_base, require_actor=not self.options.coder.keep_unresolved)
            if self.options.prefilter else None
        )

    # -------------------------------------------------------------- public
    def code(self, items: Iterable[Article | InputProblem],
             on_outcome: Callable[[ArticleOutcome], None] | None = None) -> Iterator[ArticleOutcome]:
        """Code a stream of articles (problems from ingest pass through).

        Articles are coded in batches of ``options.batch_size``. Unless parsing is
        ``"serial"``, a batch's sentences are parsed (in a child process or a worker thread)
        from the moment the batch is read, while the batch before it is still being coded
        and its outcomes handed out.
        """
        batch: list[Article] = []
        open_batches: list[_Batch] = []  # read and parsing, not yet coded (at most two)
        try:
            with quick_switching() if self.parse_in == "thread" else nullcontext():
                for item in items:
                    if isinstance(item, InputProblem):
                        yield _report(ArticleOutcome(article=None, problem=item), on_outcome)
                        continue
                    batch.append(item)
                    if len(batch) >= self.options.batch_size:
                        open_batches.append(self._start_batch(batch))
                        batch = []
                        if len(open_batches) > 1:
                            yield from self._finish_batch(open_batches.pop(0), on_outcome)
                if batch:
                    open_batches.append(self._start_batch(batch))
                while open_batches:
                    yield from self._finish_batch(open_batches.pop(0), on_outcome)
        finally:
            for started in open_batches:  # the reader stopped early: stop their parses
                started.docs.close()

    def close(self) -> None:
        """End the parsing process, if one was started (a later call starts a new one)."""
        if self._parse_process is not None:
            self._parse_process.close()
            self._parse_process = None

    def code_article(self, article: Article) -> list[Event]:
        (outcome,) = self.code([article])
        if outcome.problem is not None:
            raise TocsinError(outcome.problem.message, source=outcome.problem.source, line=outcome.problem.line)
        return list(outcome.events)

    # -------------------------------------------------------------- internals
    def language_of(self, article: Article) -> str:
        lang = normalise_language(article.language) or detect_language(article.full_text)
        if lang is None:
            raise UnsupportedLanguageError("could not identify the language; pass --language fr|en", source=article.origin)
        if lang not in self.languages:
            raise UnsupportedLanguageError(
                f"language {lang!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})",
                source=article.origin,
            )
        return lang

    def _plan(self, article: Article, lang: str) -> _Plan:
        """The article's text, the sentences to parse with their indices, and where
        every sentence starts in the text."""
        text = article.full_text
        spans = split_sentences(text)
        keep = self.prefilter.for_language(lang) if self.prefilter is not None else None
        pieces = [(i, text[s.start:s.end]) for i, s in enumerate(spans)]
        if keep is not None:
            kept = {i for i, piece in pieces if keep(piece)}
            # "Narendra Modi est arrivé à Moscou. Il doit s'entretenir …": the sentence before
            # one that opens on a pronoun is parsed too, for the pronoun's antecedent
            pronouns = self._pronouns(lang)
            kept |= {i - 1 for i, piece in pieces if i in kept and i > 0 and _first_word(piece) in pronouns}
            pieces = [(i, piece) for i, piece in pieces if i in kept]
        return text, pieces, {i: s.start for i, s in enumerate(spans)}

    def _pronouns(self, lang: str) -> frozenset[str]:
        cues = self.languages[lang].cues
        return frozenset(w.lower() for key in ("pronouns_singular", "pronouns_plural") for w in cues.get(key, ()))

    def _is_name(self, word: str) -> bool:
        return bool(self.knowledge_base.lookup(word))

    def _start_batch(self, batch: Sequence[Article]) -> _Batch:
        """Plan a batch (language, sentences to parse) and start parsing it."""
        by_lang: dict[str, list[tuple[int, Article]]] = {}
        outcomes: dict[int, ArticleOutcome] = {}
        for pos, article in enumerate(batch):
            try:
                lang = self.language_of(article)
            except TocsinError as exc:
                outcomes[pos] = ArticleOutcome(article, problem=_problem(article, exc))
                continue
            by_lang.setdefault(lang, []).append((pos, replace(article, language=lang)))
        groups = [(lang, [(pos, article, self._plan(article, lang)) for pos, article in group])
                  for lang, group in by_lang.items()]
        sentences = [(lang, [sentence_case(blank_dateline(piece.translate(_PLAIN_SPACES), self.coder.gazetteer),
                                           self._is_name)
                             for _, _, plan in plans for _, piece in plan[1]])
                     for lang, plans in groups]

        def parse() -> Generator[Doc, None, None]:
            for lang, texts in sentences:
                yield from self.pipelines.pipe(lang, texts)

        docs: ParseJob | Background[Doc] | Generator[Doc, None, None]
        if self.parse_in == "process":
            if self._parse_process is None or not self._parse_process.running:
                self._parse_process = ParseProcess(preload=SUPPORTED_LANGUAGES)
            docs = self._parse_process.submit(sentences)
        elif self.parse_in == "thread":
            docs = in_background(parse, name="tocsin-parse")
        else:
            docs = parse()
        return _Batch(len(batch), groups, docs, outcomes)

    def _finish_batch(self, batch: _Batch,
                      on_outcome: Callable[[ArticleOutcome], None] | None) -> Iterator[ArticleOutcome]:
        """Code a started batch and hand out its outcomes in the order of its articles."""
        outcomes, docs = batch.outcomes, batch.docs
        with closing(docs):
            for lang, plans in batch.groups:
                for pos, article, (full_text, pieces, offsets) in plans:
                    parsed = [(index, next(docs)) for index, _ in pieces]
                    try:
                        events = self.coder.code_article(article, lang, full_text, parsed, offsets)
                    except Exception as exc:  # noqa: BLE001 - one article's defect must not stop the run
                        _log.exception("the coder failed on article %s", article.id)  # the traceback, for the report
                        failure = CoderError(f"the coder failed on this article ({type(exc).__name__}: {exc}); "
                                             "the other articles go on, please report it")
                        outcomes[pos] = ArticleOutcome(article, problem=_problem(article, failure))
                        continue
                    _restore_case(events, dict(pieces))
                    outcomes[pos] = ArticleOutcome(article, events=tuple(events))
        for pos in range(batch.size):
            yield _report(outcomes[pos], on_outcome)


#: what :meth:`Engine._plan` gives for one article: its text, the sentences to parse with
#: their indices, and where every sentence starts in the text
_Plan = tuple[str, list[tuple[int, str]], dict[int, int]]


@dataclass(slots=True)
class _Batch:
    """A batch of articles read and planned, its sentences being parsed."""

    size: int
    groups: list[tuple[str, list[tuple[int, Article, _Plan]]]]
    docs: ParseJob | Background[Doc] | Generator[Doc, None, None]
    #: outcomes known before coding (articles in no supported language)
    outcomes: dict[int, ArticleOutcome]


def _report(outcome: ArticleOutcome, on_outcome: Callable[[ArticleOutcome], None] | None) -> ArticleOutcome:
    if on_outcome:
        on_outcome(outcome)
    return outcome


def _first_word(text: str) -> str:
    words = text.split(None, 1)
    return words[0].lower().strip(",;:") if words else ""


#: no-break, narrow and thin spaces (French typography puts them inside « » and before : ; ? !)
#: are parsed as plain spaces: the tokenizer makes each a word of its own, which the parser
#: then hangs anywhere. One character for one, so every offset stays where it was.
_PLAIN_SPACES = str.maketrans({c: " " for c in "\u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a"})


def _restore_case(events: list[Event], originals: dict[int, str]) -> None:
    """Events of a headline parsed in sentence case, or of a sentence whose no-break spaces were
    parsed as plain ones, show the sentence as written."""
    for event in events:
        original = originals.get(event.sentence_index)
        if original is not None and original != event.sentence and len(original) == len(event.sentence):
            event.sentence = original
            start, end = event.trigger_span
            event.trigger = original[start:end]


def _problem(article: Article, exc: TocsinError) -> InputProblem:
    return InputProblem(source=exc.source or article.origin or article.id, message=exc.message,
                        code=exc.code, line=exc.line, article_id=article.id)


@dataclass
class StoreWriter:
    """Saves coded articles in batches, one transaction per batch.

    A batch is all or nothing; batches already written stay stored whatever
    happens later in the run. Call :meth:`flush` at the end.
    """

    store: object
    coder: str
    run_id: str
    batch_size: int = 64
    _pending: list[tuple[Article, list[Event]]] = field(default_factory=list)

    def add(self, article: Article, events: Sequence[Event]) -> None:
        self._pending.append((article, list(events)))
        if len(self._pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            items, self._pending = self._pending, []
            self.store.save_articles(items, coder=self.coder, run_id=self.run_id)  # type: ignore[attr-defined]


@lru_cache(maxsize=4)
def default_engine(options: PipelineOptions | None = None) -> Engine:
    """An engine shared by the convenience functions (models load once per process)."""
    return Engine(options)


def code_articles(articles: Iterable[Article | InputProblem], options: PipelineOptions | None = None,
                  store: object | None = None, run_args: dict | None = None) -> CodingResult:
    """Code articles; with ``store``, save each article and its events in one transaction."""
    engine = default_engine(options)
    result = CodingResult()
    coder = engine.coder.options.coder
    writer = None
    if store is not None:
        writer = StoreWriter(store, coder, store.begin_run(run_args or {}, coder))  # type: ignore[attr-defined]
    try:
        for outcome in engine.code(articles):
            if outcome.problem is not None:
                result.problems.append(outcome.problem)
                continue
            assert outcome.article is not None
            result.articles.append(outcome.article)
            result.events.extend(outcome.events)
            if writer is not None:
                writer.add(outcome.article, outcome.events)
    finally:
        if writer is not None:
            writer.flush()
            store.finish_run(writer.run_id, len(result.articles), len(result.events), len(result.problems))  # type: ignore[attr-defined]
    return result


def code_texts(texts: Iterable[str] | str, *, language: str | None = None, published: date | None = None,
               options: PipelineOptions | None = None) -> list[Event]:
    """Code plain texts; returns their events. Unsupported or unreadable texts raise."""
    if isinstance(texts, str):
        texts = [texts]
    articles = [
        Article(id=Article.make_id(t), text=t, language=language, published=published, origin=f"text[{i}]")
        for i, t in enumerate(texts)
    ]
    result = code_articles(articles, options)
    if result.problems:
        p = result.problems[0]
        raise UnsupportedLanguageError(p.message, source=p.source) if p.code == "E105" else TocsinError(p.message, source=p.source)
    return result.events
