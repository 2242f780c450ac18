"""Document context for light coreference: which actors an article is about.

"les deux parties", "both sides", "the two countries" stand for the two most
mentioned countries of the document; a subject pronoun stands for the last
resolved actor before it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Token

from tocsin.places import Dateline
from tocsin.records import Actor


@dataclass
class DocumentContext:
    """Salient actors of one document, filled as sentences are coded."""

    country_counts: Counter[str] = field(default_factory=Counter)
    country_actor: dict[str, Actor] = field(default_factory=dict)
    last_actors: list[Actor] = field(default_factory=list)
    #: the actors of the last remembered subject when it was one plural noun phrase ("Les forces
    #: russes … Elles ont bombardé …"): what a plural pronoun stands for before its recipients
    plural_subject: list[Actor] = field(default_factory=list)
    #: countries of the actors remembered so far, oldest first
    recent: list[str] = field(default_factory=list)
    #: countries named in the sentence being coded
    sentence_countries: tuple[str, ...] = ()
    #: heads of the "selon X" phrases of the sentence being coded
    sentence_sources: tuple[Token, ...] = ()
    #: the source of the last event coded for each trigger lemma ("le tir" → who fired)
    event_actors: dict[str, Actor] = field(default_factory=dict)
    #: the source of the last event coded for each PLOVER type, and of the last event of all
    #: ("l'Iran a libéré … Paris a salué cette libération", "… a condamné cette décision")
    type_actors: dict[str, Actor] = field(default_factory=dict)
    last_event_actor: Actor | None = None
    #: (source, target) of the events coded so far, oldest first: whom a later "riposte" answers
    acts: list[tuple[Actor, Actor]] = field(default_factory=list)
    #: (offset, country) of the article's actor mentions, and where each sentence starts
    mentions: tuple[tuple[int, str], ...] = ()
    offsets: dict[int, int] = field(default_factory=dict)
    #: (start, end) of the article's names of organisations and people, whose words are no
    #: triggers ("Asia-Pacific Economic Cooperation", "Forces de soutien rapide")
    name_spans: tuple[tuple[int, int], ...] = ()
    #: phrases already resolved in this article
    resolved: dict[str, list[Actor]] = field(default_factory=dict)
    #: the article's dateline ("MOSCOU, 19 avril —"), the fallback location of its events
    dateline: Dateline | None = None
    #: the actors of each conjunct token of the sentence being coded (by token index),
    #: emptied when a sentence starts: while one sentence is coded nothing the answer
    #: depends on changes (the sentence's countries, the remembered actors and pairs)
    conjunct_actors: dict[int, tuple[Actor, ...]] = field(default_factory=dict)
    _salient: tuple[str, ...] | None = field(default=None, repr=False)

    def add_mention(self, actor: Actor) -> None:
        self._salient = None
        if actor.country:
            self.country_counts[actor.country] += 1
            self.country_actor.setdefault(actor.country, actor)

    def salient_countries(self) -> tuple[str, ...]:
        if self._salient is None:
            self._salient = tuple(code for code, _ in self.country_counts.most_common())
        return self._salient

    def main_pair(self, text: str) -> list[Actor]:
        """The two most mentioned countries, as country-level actors carrying ``text``."""
        top = [code for code, _ in self.country_counts.most_common(2)]
        if len(top) < 2:
            return []
        return [Actor(text=text, code=code, country=code) for code in top]

    def other_than(self, country: str | None, text: str) -> Actor | None:
        """The most mentioned country that is not ``country``."""
        for code, _ in self.country_counts.most_common():
            if code != country:
                return Actor(text=text, code=code, country=code)
        return None

    def remember(self, actors: list[Actor], plural_subject: list[Actor] | None = None) -> None:
        resolved = [a for a in actors if a.resolved]
        if resolved:
            self.last_actors = resolved
            self.plural_subject = [a for a in plural_subject or () if a.resolved]
        self.recent.extend(a.country for a in resolved if a.country)

    def recent_pair(self, text: str) -> list[Actor]:
        """The two countries most recently seen in events or as subjects ("les deux dirigeants")."""
        pair: list[str] = []
        for code in reversed(self.recent):
            if code not in pair:
                pair.append(code)
            if len(pair) == 2:
                return [Actor(text=text, code=c, country=c) for c in reversed(pair)]
        return []

    def latter(self, text: str) -> list[Actor]:
        """"Celui-ci", "ce dernier": the last one named before, taken as the first actor remembered
        that is not the one the sentence before was about (its first actor); none when there is
        no other."""
        candidates = [a for a in self.last_actors if a.sector != "MED"]
        if not candidates:
            return []
        first = candidates[0]
        other = next((a for a in candidates[1:] if a.code != first.code), None)
        if other is None:
            return []
        return [other.as_written(text)]

    def pronoun(self, text: str, plural: bool) -> list[Actor]:
        if not self.last_actors:
            return []
        # "Xinhua reported … He also warned Washington": a news outlet that reports is no
        # antecedent of "he" or "they" while another actor is at hand
        candidates = [a for a in self.last_actors if a.sector != "MED"] or self.last_actors
        subject = [a for a in self.plural_subject if a.sector != "MED"]
        chosen = (subject or candidates) if plural else candidates[:1]
        return [a.as_written(text) for a in chosen]

    def acted_on(self, country: str | None) -> Actor | None:
        """The author of the latest act on ``country`` ("Moscou a expulsé deux diplomates
        britanniques. Londres a promis une riposte": Moscow)."""
        if country is None:
            return None
        return next((src for src, tgt in reversed(self.acts)
                     if tgt.country == country and src.country and src.country != country), None)

