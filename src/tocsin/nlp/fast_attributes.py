"""The model's attribute ruler, applied by table look-up instead of a ``Matcher``.

spaCy's ``AttributeRuler`` finds its matches with a ``Matcher``, which tries every one of
its patterns at every word: 179 patterns in the English model, nearly all of them one word
tested on its tag, lower-case form, label or whether it is a space ("a word tagged ``PRP``
whose lower-case form is ``she``"). :class:`FastAttributeRuler` keeps the same patterns and
attributes and computes the same result another way:

* a one-word pattern that only tests attributes read by ``Doc.to_array`` (``TAG``, ``POS``,
  ``LOWER``, ``DEP``, ``IS_SPACE`` and a few more) for equality or membership (``IN``,
  ``NOT_IN``) is a function of those few values of a word. The values of every word of a
  batch of documents are read at once, the values no pattern names are folded to one
  "other" value, and which patterns a combination of values matches is worked out once,
  through an index of the patterns by the value they require, and remembered;
* any other pattern (several words, a regular expression, an ``OP``, a morphology or an
  extension test, a target word other than the first) stays with a ``Matcher`` of its own,
  the one spaCy uses, run on each document;
* as in spaCy, every match of a document is found before any attribute is set, and the
  attributes are set in the order of the patterns (then of the words). When every pattern
  only sets attributes of the word itself (part of speech, tag, morphology, lemma, label,
  norm), the attributes a word receives from all its patterns are merged, in that order,
  into one assignment; a pattern that sets anything else (a lexeme attribute, an extension)
  makes every match be applied one at a time, as spaCy does.

The component is built from the loaded model's own patterns (``AttributeRuler.patterns``),
so it follows the model. :func:`use_fast_attribute_ruler` puts it in place of the model's
ruler under the same name; a ruler that is not spaCy's plain ``AttributeRuler``, or whose
patterns none fit the table, is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, NORM, POS, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import minibatch

FAST_ATTRIBUTE_RULER = "tocsin_fast_attribute_ruler"

#: attributes a one-word pattern may test and still be looked up: ``Doc.to_array`` reads them
#: with the function the ``Matcher`` uses (``get_token_attr``)
_TABLE_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA",
                          "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT"})
#: attributes spaCy's ``set_token_attrs`` sets on the word alone (not on its lexeme, shared
#: with every other word of the same form): their order across words does not matter
_WORD_ONLY = frozenset({POS, TAG, MORPH, LEMMA, DEP, NORM})


class UnsupportedPattern(ValueError):
    """A pattern token the look-up table cannot test (it goes to the ``Matcher``)."""


def _token_checks(spec: Any, strings: Any) -> tuple[tuple[int, str, Any], ...]:
    """The tests of one pattern token as ``(attribute id, "eq" | "in" | "not_in", value)``,
    values as the ``Matcher`` computes them; :class:`UnsupportedPattern` for anything else."""
    if not isinstance(spec, dict) or not spec:
        raise UnsupportedPattern(f"pattern token {spec!r}")
    checks = []
    for key, value in spec.items():
        if not isinstance(key, str):
            raise UnsupportedPattern(f"attribute {key!r}")
        name = key.upper()
        name = "ORTH" if name == "TEXT" else name
        if name not in _TABLE_ATTRS:
            raise UnsupportedPattern(f"attribute {key!r}")
        attr = IDS[name]
        if isinstance(value, bool):
            checks.append((attr, "eq", int(value)))
        elif isinstance(value, str):
            checks.append((attr, "eq", strings.add(value)))
        elif isinstance(value, dict) and value:
            for op, values in value.items():
                op = op.upper() if isinstance(op, str) else op
                if op not in ("IN", "NOT_IN") or not isinstance(values, (list, tuple)) \
                        or not all(isinstance(v, str) for v in values):
                    raise UnsupportedPattern(f"{key}: {value!r}")
                checks.append((attr, op.lower(), frozenset(get_string_id(v) for v in values)))
        else:
            raise UnsupportedPattern(f"{key}: {value!r}")
    return tuple(checks)


def _passes(checks: tuple[tuple[int, str, Any], ...], values: dict[int, int]) -> bool:
    for attr, op, wanted in checks:
        value = values[attr]
        if op == "eq":
            if value != wanted:
                return False
        elif op == "in":
            if value not in wanted:
                return False
        elif value in wanted:  # not_in
            return False
    return True


class FastAttributeRuler(AttributeRuler):
    """``AttributeRuler`` with the same patterns and results, its one-word patterns looked
    up in a table (see the module's description)."""

    def __init__(self, vocab: Any, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._table: _Table | None = None

    def clear(self) -> None:
        super().clear()
        self._table = None

    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._table = None

    # ------------------------------------------------------------------ running
    @property
    def table(self) -> _Table:
        if self._table is None:
            self._table = _Table(self)
        return self._table

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.table.apply(doc, *self.table.match([doc])[0])
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Annotate ``batch_size`` documents at a time (one read of their words' values)."""
        table = self.table
        error_handler = self.get_error_handler()
        for docs in minibatch(stream, size=batch_size):
            try:
                found = table.match(docs)
            except Exception:
                # one at a time, as spaCy's ``Pipe.pipe`` calls the ruler, so that the error
                # handler sees the document that failed (matching sets nothing)
                yield from map(self, docs)
                continue
            for doc, (entries, extra) in zip(docs, found, strict=True):
                try:
                    table.apply(doc, entries, extra)
                except Exception as e:
                    yield error_handler(self.name, self, [doc], e)  # what the ruler's call gives
                    continue
                yield doc


class _Table:
    """The patterns of a :class:`FastAttributeRuler`, split into looked-up and matched ones."""

    def __init__(self, ruler: FastAttributeRuler):
        self.ruler = ruler
        strings = ruler.vocab.strings
        self.looked_up: list[tuple[int, tuple]] = []  # (pattern id, tests), in pattern order
        self.matcher = Matcher(ruler.vocab, validate=ruler.validate)
        self.matched = 0
        anchors: list[list[tuple[int, str, Any]] | None] = []
        for pid in range(len(ruler.attrs)):
            key = str(pid)
            patterns = ruler.matcher.get(key)[1]
            index = ruler.indices[pid]
            rest = []
            for pattern in patterns:
                try:
                    if len(pattern) != 1 or index not in (0, -1):
                        raise UnsupportedPattern("several words or another target")
                    self.looked_up.append((pid, _token_checks(pattern[0], strings)))
                except UnsupportedPattern:
                    rest.append(pattern)
                    anchors.append(_anchors(pattern, strings))
            if rest:
                self.matcher.add(strings.add(key), rest)
                self.matched += len(rest)
        self.word_only = all(isinstance(a, int) and a in _WORD_ONLY for attrs in ruler.attrs for a in attrs)
        # a document can hold a match of a pattern left to the matcher only if, for each word of the
        # pattern, one of its words passes one of that word's tests (the pattern's anchors); when a
        # pattern has no anchor, every document goes through the matcher
        self._patterns_anchors: list[list[int]] | None = None
        self._anchors: list[tuple[int, str, Any]] = []
        if all(a is not None for a in anchors):
            self._patterns_anchors = []
            for tests in anchors:
                for test in tests:
                    if test not in self._anchors:
                        self._anchors.append(test)
                self._patterns_anchors.append([self._anchors.index(test) for test in tests])
        self._anchor_values = [re.compile(w) if op == "regex" else numpy.array(w, dtype=numpy.uint64)
                               for _, op, w in self._anchors]
        self._regex_passes: dict[tuple[int, int], tuple[int, ...]] = {}
        self._regex_fails: dict[int, set[int]] = {attr: set() for attr, op, _ in self._anchors if op == "regex"}
        self.attrs: list[int] = sorted({attr for _, checks in self.looked_up for attr, _, _ in checks})
        anchor_attrs = sorted({a[0] for a in self._anchors} - set(self.attrs))
        self.read: list[int] = self.attrs + anchor_attrs
        # each word's tested values become one number: per attribute, the position of the value
        # among the values the patterns name (0 for any other), or the flag itself
        self._known: list[numpy.ndarray | None] = []
        self._decode: list[list[int]] = []
        self._radix: list[int] = []
        for attr in self.attrs:
            named = sorted({v for _, checks in self.looked_up for a, op, wanted in checks if a == attr
                            for v in ((wanted,) if op == "eq" else wanted)})
            if attr < 64:  # a flag of the lexeme: 0 or 1
                self._known.append(None)
                self._decode.append([0, 1])
                self._radix.append(2)
            else:
                other = 2**64 - 1
                while other in named:
                    other -= 1
                self._known.append(numpy.array(named, dtype=numpy.uint64))
                self._decode.append([other, *named])
                self._radix.append(len(named) + 1)
        self._weights = []
        weight = 1
        for radix in self._radix:
            self._weights.append(weight)
            weight *= radix
        self._one_number = weight < 2**63
        # patterns by one value they require (the first equality or IN test), the rest always tried
        self._by_value: dict[tuple[int, int], list[int]] = {}
        self._always: list[int] = []
        for n, (_, checks) in enumerate(self.looked_up):
            test = next((c for c in checks if c[1] == "eq"), None) or next((c for c in checks if c[1] == "in"), None)
            if test is None:
                self._always.append(n)
            else:
                for value in ((test[2],) if test[1] == "eq" else test[2]):
                    self._by_value.setdefault((test[0], value), []).append(n)
        self._memo: dict[Any, tuple[tuple[int, ...], dict | None]] = {}

    # -------------------------------------------------------------- matching
    def _keys(self, table: numpy.ndarray) -> list[Any]:
        """One hashable key per row of ``table`` (the words' values of ``self.attrs``)."""
        codes = []
        for col, known in enumerate(self._known):
            column = table[:, col]
            if known is None:
                codes.append(column)
            elif len(known):
                at = numpy.searchsorted(known, column)
                at[at == len(known)] = 0
                codes.append(numpy.where(known[at] == column, at + 1, 0).astype(numpy.uint64))
            else:
                codes.append(numpy.zeros(len(column), dtype=numpy.uint64))
        if self._one_number:
            key = codes[0] * numpy.uint64(self._weights[0])
            for code, weight in zip(codes[1:], self._weights[1:], strict=True):
                key += code * numpy.uint64(weight)
            return key.tolist()
        return list(map(tuple, numpy.stack(codes, axis=1).tolist()))

    def _entry(self, key: Any) -> tuple[tuple[int, ...], dict | None]:
        """The patterns a word with this key matches, and their merged attributes."""
        if self._one_number:
            codes = [key // weight % radix for weight, radix in zip(self._weights, self._radix, strict=True)]
        else:
            codes = list(key)
        values = {attr: decode[code] for attr, decode, code in zip(self.attrs, self._decode, codes, strict=True)}
        candidates = set(self._always)
        for attr, value in values.items():
            candidates.update(self._by_value.get((attr, value), ()))
        pids = tuple(self.looked_up[n][0] for n in sorted(candidates) if _passes(self.looked_up[n][1], values))
        merged = None
        if self.word_only:
            merged = {}
            for pid in pids:
                merged.update(self.ruler.attrs[pid])
        entry = (pids, merged)
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[key] = entry
        return entry

    def _to_match(self, table: numpy.ndarray, sizes: list[int]) -> list[bool]:
        """Which documents may hold a match of a pattern left to the matcher: first whether the
        batch holds words passing every anchor of some pattern, then, for those patterns, which
        of its documents do."""
        if not self.matched:
            return [False] * len(sizes)
        if self._patterns_anchors is None:
            return [True] * len(sizes)
        strings = self.ruler.vocab.strings
        values = {attr: numpy.unique(table[:, self.read.index(attr)]).tolist()
                  for attr in {attr for attr, _, _ in self._anchors}}
        passing: set[int] = set()  # regular-expression anchors some word of the batch passes
        for attr, seen in values.items():
            if attr in self._regex_fails:
                for value in set(seen) - self._regex_fails[attr]:
                    passing.update(self._regexes_passed(attr, value, strings))
        in_batch = [n in passing if op == "regex" else not set(wanted).isdisjoint(values[attr])
                    for n, (attr, op, wanted) in enumerate(self._anchors)]
        patterns = [tests for tests in self._patterns_anchors if all(in_batch[n] for n in tests)]
        if not patterns:
            return [False] * len(sizes)
        ends = numpy.cumsum(sizes)
        starts = ends - numpy.array(sizes, dtype=ends.dtype)
        present: dict[int, numpy.ndarray] = {}  # per anchor, per document: whether a word passes it
        for n in sorted({n for tests in patterns for n in tests}):
            attr, op, _ = self._anchors[n]
            column = table[:, self.read.index(attr)]
            if op == "regex":
                hits = numpy.fromiter((self._regex(n, value, strings) for value in column.tolist()),
                                      dtype=bool, count=len(column))
            else:
                hits = numpy.isin(column, self._anchor_values[n])
            counts = numpy.concatenate(([0], numpy.cumsum(hits)))
            present[n] = counts[ends] > counts[starts]
        some = numpy.zeros(len(sizes), dtype=bool)
        for tests in patterns:
            every = present[tests[0]].copy()
            for n in tests[1:]:
                every &= present[n]
            some |= every
        return some.tolist()

    def _regexes_passed(self, attr: int, value: int, strings: Any) -> tuple[int, ...]:
        """The regular-expression anchors on ``attr`` the string of ``value`` passes (searched,
        as the ``Matcher`` does); a value that passes none is remembered in ``_regex_fails``."""
        passed = self._regex_passes.get((attr, value))
        if passed is None:
            text = strings[value]
            passed = tuple(n for n, (a, op, _) in enumerate(self._anchors)
                           if a == attr and op == "regex" and self._anchor_values[n].search(text))
            if len(self._regex_passes) > 100_000 or len(self._regex_fails[attr]) > 1_000_000:
                self._regex_passes.clear()
                self._regex_fails[attr].clear()
            if passed:
                self._regex_passes[(attr, value)] = passed
            else:
                self._regex_fails[attr].add(value)
        return passed

    def _regex(self, n: int, value: int, strings: Any) -> bool:
        attr = self._anchors[n][0]
        return value not in self._regex_fails[attr] and n in self._regexes_passed(attr, value, strings)

    def match(self, docs: list[Doc]) -> list[tuple[list, list | None]]:
        """Every match of ``docs``, found before any attribute is set: per document, the
        looked-up patterns of each word and the other patterns' matches."""
        sizes = [len(doc) for doc in docs]
        # (a list of one attribute gives one column, as a flat array)
        arrays = [doc.to_array(self.read).reshape(len(doc), -1) for doc in docs if len(doc)] if self.read else []
        if arrays:
            table = numpy.concatenate(arrays) if len(arrays) > 1 else arrays[0]
        else:
            table = numpy.zeros((sum(sizes), len(self.read)), dtype=numpy.uint64)
        if self.attrs:
            memo = self._memo
            entries = [memo.get(key) or self._entry(key) for key in self._keys(table)]
        else:
            entries = [((), {} if self.word_only else None)] * len(table)
        found = []
        start = 0
        for doc, size, matched in zip(docs, sizes, self._to_match(table, sizes), strict=True):
            found.append((entries[start:start + size], self._matched(doc) if matched else None))
            start += size
        return found

    def _matched(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The other patterns' matches as (pattern id, start, end, target word), checked as
        spaCy checks them."""
        ruler = self.ruler
        out = []
        for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
            pid = int(ruler.vocab.strings[match_id])
            span = Span(doc, start, end, label=match_id)
            index = ruler.indices[pid]
            try:
                target = span[index].i
            except IndexError:
                raise ValueError(Errors.E1001.format(patterns=ruler.matcher.get(span.label),
                                                     span=[t.text for t in span], index=index)) from None
            out.append((pid, start, end, target))
        return out

    def apply(self, doc: Doc, entries: list, extra: list | None) -> None:
        """Set the attributes of the matches :meth:`match` found in ``doc``, in spaCy's order."""
        attrs = self.ruler.attrs
        if self.word_only:
            more: dict[int, list[int]] = {}
            for pid, _, _, target in extra or ():
                more.setdefault(target, []).append(pid)
            for i, (pids, merged) in enumerate(entries):
                if i in more:
                    merged = {}
                    for pid in sorted(pids + tuple(more[i])):
                        merged.update(attrs[pid])
                if merged:
                    set_token_attrs(doc[i], merged)
            return
        matches = [(pid, i, i + 1, i) for i, (pids, _) in enumerate(entries) for pid in pids]
        matches.extend(extra or ())
        matches.sort()
        for pid, _, _, target in matches:
            set_token_attrs(doc[target], attrs[pid])


def _anchors(pattern: list, strings: Any) -> list[tuple[int, str, Any]] | None:
    """Tests that some word of a document passes whenever the document holds a match of
    ``pattern``: one per word of the pattern that has a test on a value read by
    ``Doc.to_array``, as ``(attribute id, "in", values)`` or ``(attribute id, "regex",
    compiled expression)``; None when there is none, or a word of the pattern may be
    left out or repeated (``OP``)."""
    if any(not isinstance(spec, dict) or any(isinstance(k, str) and k.upper() == "OP" for k in spec)
           for spec in pattern):
        return None
    found = []
    for spec in pattern:
        test = regex = None
        for key, value in spec.items():
            if not isinstance(key, str):
                continue
            name = key.upper()
            name = "ORTH" if name == "TEXT" else name
            if name not in _TABLE_ATTRS:
                continue
            attr = IDS[name]
            if isinstance(value, bool):
                test = (attr, "in", (int(value),))
            elif isinstance(value, str):
                test = (attr, "in", (strings.add(value),))
            elif isinstance(value, dict) and len(value) == 1:
                (op, wanted), = value.items()
                op = op.upper() if isinstance(op, str) else op
                if op == "IN" and isinstance(wanted, (list, tuple)) and all(isinstance(v, str) for v in wanted):
                    test = (attr, "in", tuple(sorted({get_string_id(v) for v in wanted})))
                elif op == "REGEX" and isinstance(wanted, str) and attr >= 64 and regex is None:
                    regex = (attr, "regex", wanted)
            if test is not None:
                break
        if test or regex:
            found.append(test or regex)
    return found or None


@Language.factory(
    FAST_ATTRIBUTE_RULER,
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_fast_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Any) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def use_fast_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put a :class:`FastAttributeRuler` with the same patterns in place of ``nlp``'s ruler
    ``name``; whether it was replaced (not when the pipeline has no plain ``AttributeRuler``
    there, or when none of its patterns can be looked up)."""
    if name not in nlp.pipe_names:
        return False
    old = nlp.get_pipe(name)
    if type(old) is not AttributeRuler:
        return False
    patterns = old.patterns
    probe = FastAttributeRuler(nlp.vocab, name, validate=old.validate)
    probe.add_patterns(patterns)
    if not probe.table.looked_up:
        return False
    new = nlp.replace_pipe(name, FAST_ATTRIBUTE_RULER, config={"validate": old.validate})
    new.scorer = old.scorer
    new.add_patterns(patterns)
    return True
