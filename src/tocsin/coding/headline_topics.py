"""Headline topics: "Japon : le Premier ministre reçoit …" — the name before the colon of a
headline speaks for the subject of the clause after it (an office with no country of its
own is the topic's), and a country named beside one of its own offices is that office."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from tocsin.actors import Resolver
from tocsin.coding.model import Roles
from tocsin.records import Actor


def headline_topic(sent: Span) -> Token | None:
    """"Japon : le Premier ministre reçoit …", "Kiev : le chef de la diplomatie …": the name that
    opens a headline before a colon, when a clause follows it."""
    doc = sent.doc
    first = doc[sent.start]
    if sent.end - sent.start < 4 or first.pos_ != "PROPN":
        return None
    after = first.i + 1
    while after < min(first.i + 4, sent.end) and (doc[after].pos_ in ("ADP", "DET") or doc[after].is_title):
        after += 1  # "Corée du Sud :"
    if after >= sent.end or doc[after].text != ":":
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[after + 1:sent.end]):
        return None
    return first


def settle_headline_topic(sent: Span, args: Roles, resolver: Resolver, lang: str, when: date | None) -> None:
    """A headline topic speaks for the clause's subject: "Japon : le Premier ministre reçoit …"
    — an office with no country of its own is the topic's ("le Premier ministre (Japon)");
    "Kiev : le chef de la diplomatie ukrainienne reçoit …" — the topic, read as a second
    subject, is the same actor as the one the clause names."""
    topic = headline_topic(sent)
    if topic is None or not args.sources:
        return
    end = topic.i
    while sent.doc[end + 1].text != ":":
        end += 1
    text = sent.doc[topic.i:end + 1].text
    place = resolver.resolve(text, lang=lang, when=when, guess_country=False)
    if place is None or not place.resolved or not place.country:
        return
    sources = []
    for actor in args.sources:
        if not actor.resolved and actor.text and actor.text != text:
            lent = resolver.resolve(f"{actor.text} ({text})", lang=lang, when=when, guess_country=False)
            if lent is not None and lent.resolved and lent.country == place.country and lent.sector:
                actor = Actor(text=actor.text, code=lent.code, country=lent.country, sector=lent.sector,
                              name=lent.name, entity_id=lent.entity_id)
        sources.append(actor)
    args.sources = keep_the_named_office(sources)


def keep_the_named_office(actors: list[Actor]) -> list[Actor]:
    """A country named beside one of its own offices ("Kiev" and "le chef de la diplomatie
    ukrainienne" as two subjects) is that office: the bare country is left out."""
    offices = {a.country for a in actors if a.resolved and a.country and a.sector}
    return [a for a in actors if not (a.resolved and a.sector is None and a.country in offices
                                      and a.code == a.country)]
