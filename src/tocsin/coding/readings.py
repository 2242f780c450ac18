"""Fallback readings of an act's roles, used by :class:`~tocsin.coding.arguments.ArgumentRules`
when the clause itself does not name a source or a recipient: the host of a venue or a town,
the country of a request or of a resumed act, an embassy protested, the crowd that protests,
an accusation in apposition (the readings of attacks are in :mod:`attack_readings`), the subject borrowed from a governing verb, the party of the clause, a recipient
hung inside the object or on the governor, actors in a window of words around the trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from tocsin.coding.armed_groups import rebels_of
from tocsin.coding.context import DocumentContext
from tocsin.coding.model import (
    DEFAULT_TARGETS,
    LanguageResources,
    Roles,
    Trigger,
    same_actor,
)
from tocsin.coding.participle_clauses import present_participle
from tocsin.coding.qualifiers import Cues
from tocsin.coding.syntax import (
    OBJECT,
    PASSIVE_SUBJECT,
    SUBJECT,
    arguments,
    is_duration,
    morph_values,
    phrase_text,
    preposition_of,
    subjects,
)
from tocsin.coding.texts import climbs_through_a_text
from tocsin.coding.triggers import accused_in_apposition, apposed_role
from tocsin.lang import Predicate
from tocsin.places import PlaceContext, choose, find_places, place_role
from tocsin.records import Actor

EMBASSY_NOUNS = frozenset({"ambassade", "consulat", "embassy", "consulate"})


#: reactions to an act: praise, criticism, refusal ("un geste salué par Varsovie")
REACTION_TYPES = frozenset({"SUPPORT", "ACCUSE", "REJECT"})


#: "à la demande de", "sur demande de", "at the request of", "on X's request"
REQUEST_PREPOSITIONS = frozenset({"à", "sur", "at", "on", "upon"})


GENITIVES = frozenset({"de", "du", "des", "d'", "d’", "of", "by", "between", "entre"})


#: nouns of a day relative to an event ("au lendemain du séisme", "à la veille du sommet")
RELATIVE_DAYS = frozenset({"lendemain", "veille", "surlendemain", "aftermath", "eve"})


#: days that date a clause by an ongoing event ("au premier jour d'une grève lancée par …")
DAYS_OF_AN_EVENT = RELATIVE_DAYS | {"jour", "day"}


#: nouns of an access granted, whose genitive names who is let in ("l'accès des inspecteurs")
ACCESS_NOUNS = frozenset({"accès", "retour", "access", "return"})


#: the links of a participle's own phrases ("l'accord conclu avec l'Estonie")
_PARTICIPLE_OBLIQUES = frozenset({"obl", "obl:arg", "obl:mod", "obl:agent"})  # "avec" read as an agent too


def _partitive(tok: Token) -> bool:
    return any(c.dep_ == "case" and c.lower_ in _PARTITIVE_ARTICLES for c in tok.children)


def split_conjuncts(text: str, lang: str) -> list[str]:
    word = r"\bet\b" if lang == "fr" else r"\band\b"
    return re.split(rf"{word}|,", text)


def _demonstrative(head: Token, cues: Cues) -> bool:
    """Whether a noun opens on a demonstrative ("cette décision", "ce geste", "this move")."""
    return any(c.dep_ == "det" and c.lower_ in cues.demonstrative_determiners for c in head.children)


#: partitive articles a parser reads as the preposition "de" ("a dépêché des équipes")
_PARTITIVE_ARTICLES = frozenset({"des", "du"})


#: words of a clause's adverbial that make a meeting its occasion ("lors d'un entretien",
#: "au cours d'une conversation", "à l'issue de leur rencontre", "après deux jours d'entretiens")
OCCASION_WORDS = frozenset({"lors", "pendant", "durant", "après", "cours", "issue", "occasion", "terme",
                            "during", "after", "course"})


#: nouns of the phrases that name what is talked about ("au sujet des forages turcs", "à propos
#: de l'Ukraine"): the country in them is the topic, never the one met
_TOPIC_MARKERS = frozenset({"sujet", "propos"})
#: what carries a message of thanks or congratulations to its addressee
_MESSAGE_NOUNS = frozenset({"message", "lettre", "télégramme", "mot", "courrier"})


#: personal pronouns that may be the subject of a relative clause and stand for an actor named
#: before it, not for the noun the clause describes
_PERSONAL_SUBJECTS = frozenset({"il", "elle", "ils", "elles", "he", "she", "they"})


class RoleReadings:
    """Readings of sources and targets beyond the trigger's own arguments (mixed into the coder)."""

    def fronted_participle_patient(self, tok: Token, out: Roles, res: LanguageResources, lang: str,
                                   when: date | None, ctx: DocumentContext) -> None:
        """"Reçu par le pape au Vatican, le président ukrainien a plaidé …", "Accusé par Moscou de
        …, Kiev a répondu …": a passive participle set before the clause, with its agent and no
        subject of its own, is said of the clause's subject, who undergoes it."""
        if tok.dep_ not in ("advcl", "acl") or tok.head.i < tok.i or tok.head.pos_ not in ("VERB", "AUX"):
            return
        if "Part" not in tok.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in tok.children):
            return
        if any(c.dep_ in SUBJECT | PASSIVE_SUBJECT for c in tok.children):
            return
        # "Menacée par Washington de sanctions, la Colombie …": the parser may take the "par"
        # phrase of a participle opening the sentence for a plain oblique
        stray_agents = [c for c in tok.children if c.dep_ in ("obl", "obl:mod")
                        and any(g.dep_ == "case" and g.lower_ == "par" for g in c.children)]
        if not any(c.dep_ in ("obl:agent", "agent") for c in tok.children) and not (
                tok.i == tok.sent.start and "Past" in tok.morph.get("Tense") and stray_agents):
            return
        agents: list[Actor] = []
        if not any(c.dep_ in ("obl:agent", "agent") for c in tok.children):
            agents = [a for a in self._resolve_heads(stray_agents[:1], lang, when, ctx) if a.resolved]
            if not agents:
                return
        if any(a.resolved and not any(same_actor(a, g) for g in agents) for a in out.targets) or out.pair:
            return
        heads = [h for h in subjects(tok.head, res.cues.unaccusative_verbs)]
        patients = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved
                    and not any(same_actor(a, s) for s in (agents or out.sources) if s.resolved)]
        if patients:
            out.targets = patients
            if agents:
                out.sources = agents

    def meeting_as_occasion(self, tok: Token, out: Roles, res: LanguageResources, lang: str,
                            when: date | None, ctx: DocumentContext) -> None:
        """"Au cours d'une conversation téléphonique, le président russe et le Premier ministre
        indien ont évoqué …", "X a salué la détermination du président ukrainien lors d'un
        entretien téléphonique", "Après deux jours d'entretiens avec les dirigeants libanais,
        l'émissaire américain a quitté le pays": a meeting named as the occasion of a clause, with
        no party of its own, is had by the clause's subjects, or by its subject and the other actor
        the clause names."""
        cues = res.cues
        if out.pair or any(a.resolved for a in out.sources):
            return
        node, occasion = tok, False
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                return
            if any(c.dep_ in ("case", "fixed") and c.lower_ in OCCASION_WORDS for c in node.children):
                occasion = True
            if head.pos_ in ("VERB", "AUX"):
                break
            if not (occasion or head.lemma_.lower() in OCCASION_WORDS or is_duration(head)
                    or head.lemma_.lower() in cues.quantifier_nouns):
                return  # (once the occasion is found, "au dialogue lors d'un entretien": up to the verb)
            occasion = occasion or head.lemma_.lower() in OCCASION_WORDS
            node = head
        verb = node.head
        if not occasion or verb.pos_ not in ("VERB", "AUX") or node.dep_ not in ("obl", "obl:mod", "advmod", "advcl"):
            return
        heads = [h for h in subjects(verb, cues.unaccusative_verbs)]
        sides = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
        if len(sides) >= 2 and not any(a.resolved for a in out.targets):
            out.pair, out.sources = sides, []
            return
        if not sides:
            return
        out.sources = sides
        if any(a.resolved for a in out.targets):
            return
        others = [c for c in verb.children if c.dep_ in OBJECT or c.dep_ == "iobj"
                  or (c.dep_ in ("obl", "obl:arg") and preposition_of(c) in ("à", "au", "aux", "avec"))]
        others += [g for c in others for g in c.children
                   if g.dep_ == "nmod" and preposition_of(g) in cues.source_prepositions]
        for head in sorted(others, key=lambda t: t.i):
            if head.lemma_.lower() in cues.counterpart_words or head.lower_ in cues.counterpart_words:
                # "a exhorté son homologue zimbabwéen …, lors d'un entretien": the other main actor
                actor = ctx.other_than(sides[0].country, text=phrase_text(head))
                found = [actor] if actor is not None else []
            else:
                found = self._resolve_heads([head], lang, when, ctx)
            for actor in found:
                if actor.resolved and not any(same_actor(actor, a) for a in sides):
                    out.targets = [actor]
                    return

    def _town_country(self, tok: Token, ctx: DocumentContext) -> str | None:
        """The country of a town named as where the clause of ``tok`` happens ("à Nanterre"),
        read from the gazetteer (its most likely place, given the article's countries)."""
        gazetteer = getattr(self, "gazetteer", None)
        if gazetteer is None:
            return None
        inside = {t.i for t in tok.subtree}
        context = PlaceContext(dateline_country=ctx.dateline.place.country if ctx.dateline else None,
                               countries=ctx.sentence_countries + ctx.salient_countries())
        for mention in find_places(tok.sent, gazetteer):
            if mention.start not in inside or place_role(mention, tok.sent) != "location":
                continue
            chosen = choose(mention, context)
            if chosen is not None and chosen.country:
                return chosen.country
        return None

    def _host_of_the_venue(self, tok: Token, out: Roles, heads: list[Token], ctx: DocumentContext) -> list[Actor]:
        """"se rendre au sommet des Amériques de Los Angeles", "travelled to Lviv": the host of a
        visit to a town named inside the destination is the town's country (its most likely
        reading), unless it is the visitor's own."""
        gazetteer = getattr(self, "gazetteer", None)
        if gazetteer is None or not heads:
            return []
        inside = {t.i for h in heads for t in h.subtree}
        own = {a.country for a in out.sources if a.resolved}
        for mention in find_places(tok.sent, gazetteer):
            if mention.start not in inside or not tok.doc[mention.start].text[:1].isupper():
                continue
            chosen = choose(mention, PlaceContext(countries=ctx.sentence_countries + ctx.salient_countries()))
            # a town (most likely reading), not a region whose name many countries share ("le Nord")
            if chosen is not None and chosen.kind == "place" and chosen.country and chosen.country not in own:
                return [Actor(text=mention.text, code=chosen.country, country=chosen.country)]
        return []

    def _at_the_request_target(self, tok: Token, pred: Predicate, out: Roles, res: LanguageResources,
                               lang: str, when: date | None, ctx: DocumentContext) -> None:
        """"Israël a autorisé … à la demande de Washington", "at Washington's request": the one
        asked is whoever acts in the clause the request is attached to."""
        if pred.type != "REQUEST" or pred.pos != "NOUN" or out.pair or any(a.resolved for a in out.targets):
            return
        head = tok.head
        if tok.dep_ == "pobj" and head.pos_ == "ADP":
            prep, head = head.lower_, head.head
        else:
            prep = preposition_of(tok)
        if prep not in REQUEST_PREPOSITIONS or tok.dep_ in OBJECT:
            return
        for _ in range(4):  # the verb the phrase hangs on, through nouns the parser put between
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            # a root the parser split off ("… camions-citernes …, à la demande de"): the sentence's verb
            head = next((t for t in tok.doc if t.dep_ == "ROOT" and t.pos_ == "VERB"), head)
        heads = [h for h in subjects(head, res.cues.unaccusative_verbs) if h.pos_ != "PRON"]
        while not heads and head.dep_ in ("xcomp", "conj") and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "agreed to let … at Washington's request": the subject of "agreed"
            heads = [h for h in subjects(head, res.cues.unaccusative_verbs) if h.pos_ != "PRON"]
        actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved
                  and not any(same_actor(a, s) for s in out.sources if s.resolved)]
        if actors:
            out.targets = actors

    def _participle_agent_source(self, tok: Token, pred: Predicate, out: Roles, res: LanguageResources,
                                 lang: str, when: date | None, ctx: DocumentContext) -> None:
        """"la rupture des relations, annoncée par le président colombien", "the offensive
        launched by Russia": the agent of an announcing or light verb acts the noun's event."""
        cues = res.cues
        dated = tok.dep_ == "nmod" and tok.head.lemma_.lower() in DAYS_OF_AN_EVENT  # "au premier jour d'une grève"
        if pred.pos != "NOUN" or out.pair or (tok.dep_ not in SUBJECT | PASSIVE_SUBJECT | OBJECT | {"ROOT", "appos"}
                                              and not dated):
            return  # an act named in passing ("inquiets des droits de douane annoncés par …") is not coded
        # ("une grève de trois jours lancée par …": the participle hung on the duration)
        durations = [c for c in tok.children if c.dep_ in ("nmod", "prep", "pobj") and is_duration(c)]
        for acl in [*tok.children, *(g for d in durations for g in d.children)]:
            lemma = acl.lemma_.lower()
            if acl.dep_ != "acl" or (lemma not in cues.light_verbs and lemma not in cues.reporting_verbs):
                continue
            agents = [a.head for a in arguments(acl, cues.unaccusative_verbs) if a.role == "agent"]
            actors = [a for a in self._resolve_heads(agents, lang, when, ctx) if a.resolved]
            if actors:
                out.sources = actors
                return

    def _resumed_act_target(self, tok: Token, pred: Predicate, out: Roles, res: LanguageResources, lang: str,
                            when: date | None, ctx: DocumentContext) -> None:
        """"…, un geste salué par Varsovie" / "…, a gesture that Ankara welcomed": the praise
        or criticism of a noun that sums up the clause before goes to that clause's actors."""
        cues = res.cues
        if not cues.resumptive_nouns or out.pair or pred.type not in REACTION_TYPES:
            return
        candidates = [tok.head, *(c for c in tok.children if c.dep_ in OBJECT | PASSIVE_SUBJECT)]
        noun = next((t for t in candidates if t.i != tok.i and t.pos_ == "NOUN"
                     and t.lemma_.lower() in cues.resumptive_nouns), None)
        if noun is None:
            return
        after_comma = noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ","
        if noun.dep_ not in ("appos", "npadvmod", "obl:mod", "dep", "parataxis") and not (noun.dep_ in OBJECT and after_comma):
            return  # only a noun set beside a clause, not "la décision de Paris"
        if any(a.resolved and not any(same_actor(a, s) for s in out.sources if s.resolved) for a in out.targets):
            return  # a recipient of its own ("une décision saluée par Bruxelles" is read as Brussels' own)
        current = noun
        for _ in range(5):
            current = current.head
            if current.pos_ in ("VERB", "AUX"):
                heads = [h for h in subjects(current, cues.unaccusative_verbs) if h.pos_ != "PRON"]
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved
                          and not any(same_actor(a, s) for s in out.sources if s.resolved)]
                if actors:
                    out.targets = actors
                    return
            if current.head.i == current.i:
                return

    def _whom_ground_is_taken_from(self, tok: Token, out: Roles, lang: str, when: date | None,
                                   ctx: DocumentContext) -> list[Actor]:
        """"ont repris le contrôle de Kidal aux rebelles touareg": ground taken back is taken from
        whom the "à" phrase names, on the verb or on its object."""
        heads = [tok, *(c for c in tok.children if c.dep_ in OBJECT)]
        holders = [c for h in heads for c in h.children
                   if c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "iobj") and preposition_of(c) in ("à", "au", "aux")]
        own = {a.country for a in out.sources if a.resolved}
        found = self._resolve_heads(holders, lang, when, ctx)
        country = next((a.country for a in out.sources if a.resolved and a.country), None)
        if country is not None:
            # "aux rebelles touareg": rebels of no named country hold ground of the first side's own
            found = [rebels_of(a, country) if not a.resolved and a.sector == "REB" else a for a in found]
        return [a for a in found
                if a.resolved and a.country and not (a.country in own and a.sector is None)
                and not any(same_actor(a, s) for s in out.sources if s.resolved)]

    def _embassy_protested(self, tok: Token, out: Roles, res: LanguageResources, lang: str,
                           when: date | None, ctx: DocumentContext) -> None:
        """"Des manifestants se sont rassemblés devant l'ambassade de France à Niamey",
        "Manifestation devant l'ambassade d'Israël à Amman": a protest at an embassy is aimed
        at the state the embassy represents, and the crowd belongs to the country where it
        stands (the town named, else another country of the sentence), not to the embassy's."""
        cues = res.cues
        embassy = next((t for t in tok.subtree if t.lemma_.lower() in EMBASSY_NOUNS and t.i != tok.i
                        and t.head.i in (tok.i, *(c.i for c in tok.children))), None)
        on_light_verb = False
        if embassy is None and tok.pos_ == "NOUN" and tok.dep_ in ("obj", "nsubj:pass") and tok.head.pos_ == "VERB":
            # "ont organisé un sit-in devant l'ambassade de Russie": the place hung on the light
            # verb names the recipient; the crowd is the verb's subject or agent, read later
            embassy = next((c for c in tok.head.children if c.lemma_.lower() in EMBASSY_NOUNS
                            and c.dep_ in ("obl", "obl:mod", "obl:arg")), None)
            on_light_verb = embassy is not None
        if embassy is None:
            return
        owner_heads = [c for c in embassy.children
                       if (c.dep_ in ("nmod", "prep") and preposition_of(c) in cues.source_prepositions | {"of"})
                       or (c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN"))]
        owners = [a for a in self._resolve_heads(owner_heads, lang, when, ctx) if a.resolved and a.country]
        if not owners or any(a.resolved for a in out.targets) or out.pair:
            return
        owner = owners[0].country
        out.targets = [Actor(text=owners[0].text, code=owner + "GOV", country=owner, sector="GOV")]
        if on_light_verb:
            # a crowd that names its own country keeps it ("des exilés ukrainiens"); one that
            # does not ("des étudiants") is read below as the crowd of the place
            crowd_heads = [c for c in tok.head.children if c.dep_ in ("nsubj", "obl:agent")]
            if any((own := self.resolver.resolve(phrase_text(h), lang=lang, when=when, guess_country=False)) is not None
                   and own.resolved for h in crowd_heads):
                return
        crowd = [a for a in out.sources if not a.resolved or (a.country == owner and a.sector in (None, "CVL"))]
        if len(crowd) != len(out.sources):
            return
        crowd = crowd or [Actor(text=tok.text)]  # "Manifestation devant l'ambassade …": nobody named
        near = (*embassy.children, *tok.children)
        towns = [c for c in near if c.pos_ == "PROPN" and preposition_of(c) in cues.locative_prepositions]
        towns += [g for c in near if c.dep_ == "prep" and c.lower_ in cues.locative_prepositions
                  for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]  # "in Baghdad"
        hosts = [a.country for a in self._resolve_heads(towns, lang, when, ctx) if a.resolved and a.country]
        host = next((c for c in (*hosts, *ctx.sentence_countries) if c and c != owner), None)
        if host:
            out.sources = [Actor(text=crowd[0].text, code=host + "CVL", country=host, sector="CVL")]
        elif all(a.resolved for a in crowd):
            out.sources = []  # the embassy's own country is not the crowd's

    @staticmethod
    def _crowd_source(out: Roles, cues: Cues, ctx: DocumentContext) -> None:
        """"Des manifestants ont envahi le Parlement kényan": civilians of the country named."""
        crowd = [a for a in out.sources if not a.resolved and set(a.text.lower().split()) & cues.civilian_words]
        if not crowd or any(a.resolved for a in out.sources):
            return
        target_country = next((a.country for a in out.targets if a.resolved), None)
        country = target_country or next(iter(ctx.sentence_countries), None)
        if country:
            out.sources = [Actor(text=crowd[0].text, code=country + "CVL", country=country, sector="CVL")]

    def _accusation_in_apposition(self, tok: Token, out: Roles, lang: str, when: date | None,
                                  ctx: DocumentContext) -> None:
        """"Londres a gelé les avoirs d'Itamar Ben Gvir, accusé d'inciter à la violence": who
        acts in the clause accuses; the one described is accused."""
        accused = accused_in_apposition(tok)
        if accused is None:
            return
        cues = self.languages[lang].cues
        verb = next((a for a in accused.ancestors if a.pos_ in ("VERB", "AUX") and a.i != tok.i
                     and subjects(a, cues.unaccusative_verbs)), None)
        if verb is None:
            return
        accusers = [a for a in self._resolve_heads(subjects(verb, cues.unaccusative_verbs), lang, when, ctx)
                    if a.resolved]
        targets = [a for a in self._resolve_heads([accused], lang, when, ctx) if a.resolved]
        if not targets:
            # "… du ministre israélien de la Sécurité nationale, Itamar Ben Gvir, accusé …"
            role = apposed_role(accused)
            targets = [a for a in self._resolve_heads([role], lang, when, ctx) if a.resolved] if role else []
        if accusers and targets:
            out.sources, out.targets, out.pair = accusers, targets, []

    def _accused_beside_the_clause(self, tok: Token, out: Roles, lang: str, when: date | None,
                                   ctx: DocumentContext) -> None:
        """"Ekrem Imamoglu a été arrêté mercredi, accusé par le parquet de corruption", "Accusé par
        le pouvoir de servir des intérêts étrangers, le mouvement a rassemblé …": a participle of
        accusing with its agent, set beside a clause, accuses the clause's subject."""
        if tok.dep_ != "advcl" or tok.head.i == tok.i or (any(a.resolved for a in out.targets) and any(
                c.dep_ in ("obj", "nsubj:pass", "iobj") for c in tok.children)):
            return  # (a recipient read from "d'avoir livré des drones à la Russie" is not the accused)
        if "Part" not in morph_values(tok, "VerbForm") or "Pres" in morph_values(tok, "Tense") or any(
                c.dep_.startswith("aux") for c in tok.children) or not any(
                c.dep_ in ("obl:agent", "agent") for c in tok.children):
            return
        heads = [c for c in tok.head.children if c.dep_ in SUBJECT | PASSIVE_SUBJECT and c.pos_ != "PRON"]
        accused = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved
                   and not any(same_actor(a, s) for s in out.sources if s.resolved)]
        if accused:
            out.targets = accused

    def _targets_from_heads(self, out: Roles, heads: list[Token], trig: Trigger, res: LanguageResources,
                            lang: str, when: date | None, ctx: DocumentContext,
                            by_index: dict[int, Trigger]) -> None:
        """Recipients named indirectly: "son homologue" (the other main actor), or an event noun
        whose own actor is the recipient ("a condamné l'attaque de la Russie")."""
        cues = res.cues
        for head in heads:
            if head.lemma_.lower() in cues.counterpart_words or head.lower_ in cues.counterpart_words:
                first = next((a for a in out.sources if a.resolved), None)
                other = ctx.other_than(first.country if first else None, text=phrase_text(head))
                if other is not None and first is not None:
                    out.targets = [other]
                    return
            inner = next((by_index[t.i] for t in (head, *head.children)
                          if t.i in by_index and (t.i == head.i or t.dep_ == "appos")), None)
            if inner is not None and inner is not trig and by_index:
                nested = self._arguments(inner, res, lang, when, ctx, {}, borrow=False)
                actors = [a for a in nested.sources + nested.pair if a.resolved]
                if (actors and inner.predicate.symmetric and inner.predicate.type in ("CONSULT", "AGREE", "COOPERATE")
                        and trig.predicate.type in REACTION_TYPES):
                    # "s'est félicitée de l'accord conclu entre l'Inde et le Pakistan": both parties
                    # of a two-sided act are what the reaction is about
                    actors += [a for a in nested.targets if a.resolved and not any(same_actor(a, b) for b in actors)]
                if not actors and inner.predicate.type == "ACCUSE" and trig.predicate.type == "REJECT":
                    # "« Nous rejetons ces accusations », a déclaré Pékin, après que Londres a
                    # accusé …": the accuser named by another accusation of the same sentence
                    actors = self._accusers_beside(trig, inner, res, lang, when, ctx, by_index)
                if not actors:
                    # "a condamné ce tir": the actor of the event this noun points back to
                    earlier = ctx.event_actors.get(inner.token.lemma_.lower())
                    if earlier is None and _demonstrative(head, cues):
                        # "l'Iran a libéré … Paris a salué cette libération": the same kind of act
                        earlier = ctx.type_actors.get(inner.predicate.type)
                        if earlier is None and trig.predicate.type in REACTION_TYPES:
                            # "… a expulsé un diplomate. Ottawa a dénoncé cette expulsion": the act
                            # before, named by a noun of another type
                            earlier = ctx.last_event_actor
                    actors = [earlier] if earlier is not None else []
                if actors:
                    out.targets = actors
                    return
            elif (inner is None and trig.predicate.type in REACTION_TYPES and ctx.last_event_actor is not None
                  and head.pos_ == "NOUN" and _demonstrative(head, cues)):
                # "Paris a regretté cette décision", "Washington a salué ce geste": the act of the
                # sentences before, whose author is the recipient
                out.targets = [ctx.last_event_actor]
                return

    def _accusers_beside(self, trig: Trigger, accusation: Trigger, res: LanguageResources, lang: str,
                         when: date | None, ctx: DocumentContext, by_index: dict[int, Trigger]) -> list[Actor]:
        """The resolved authors of another accusation in the sentence than the one rejected."""
        for other in by_index.values():
            if other is trig or other is accusation or other.predicate.type != "ACCUSE":
                continue
            nested = self._arguments(other, res, lang, when, ctx, {}, borrow=False)
            authors = [a for a in nested.sources if a.resolved]
            if authors:
                return authors
        return []

    def _borrowed_subject(self, tok: Token, res: LanguageResources, lang: str, when: date | None,
                          ctx: DocumentContext, passive: bool, by_index: dict[int, Trigger]) -> list[Actor]:
        """The subject of the verb that controls ``tok`` (xcomp, conjunct verb, light verb, relative clause).

        A noun does not take the subject of a verb that is an event of its own
        ("l'UA a salué l'accord signé à Pretoria": the accord is not the AU's).
        """
        if (passive and tok.pos_ == "VERB" and tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children)
                and any(c.dep_ in PASSIVE_SUBJECT for c in tok.children)):
            return []  # "…, tandis que l'officier était arrêté": a clause of its own, whose agent is untold
        current = tok
        for step in range(4):
            head = current.head
            if head.pos_ == "ADP" and current.dep_ == "pobj":  # English: noun under a preposition
                current, head = head, head.head
            if current.dep_ == "nmod" and head.lemma_.lower() in res.cues.quantifier_nouns and head.head.i != head.i:
                current, head = head, head.head  # "adopter leur paquet de sanctions"
            elif (current.dep_ in ("nmod", "pobj") and head.lemma_.lower() in res.cues.involvement_nouns
                  and head.dep_ in OBJECT and head.head.lemma_.lower() in res.cues.denial_verbs):
                current, head = head, head.head  # "a démenti toute implication dans l'attaque": the denier's part
            if step == 0 and tok.pos_ in ("NOUN", "PROPN") and head.i in by_index and not (
                    head.lemma_.lower() in res.cues.decision_verbs
                    and by_index[head.i].predicate.type in ("AGREE", "SUPPORT")):
                return []  # (but "EU leaders agreed new sanctions": the decision is the sanction)
            if head.i == current.i:
                return []
            dep = current.dep_
            if climbs_through_a_text(current, res.cues):
                current = head  # "a adopté une résolution exigeant …": whoever adopted it demands (texts.py)
                continue
            if dep in ("relcl", "acl:relcl", "acl"):
                if dep != "acl" and any(c.dep_ in SUBJECT and c.lower_ in _PERSONAL_SUBJECTS for c in current.children):
                    # "la mort de Navalny, dont il a imputé la responsabilité à Moscou": the
                    # pronoun is not the noun the clause describes but the actor of the clause above
                    return self._actor_of_the_clause_above(head, lang, when, ctx)
                return self._resolve_heads([head], lang, when, ctx)
            if dep not in ("xcomp", "conj", "obj", "dobj", "obl:arg", "obl:mod", "pcomp", "prep", "pobj", "advcl", "obl", "nsubj", "acomp") and not (current.pos_ in ("NOUN",) and dep in SUBJECT):
                return []
            if dep in SUBJECT:
                return []
            if current.pos_ in ("NOUN", "PROPN") and dep not in OBJECT and head.lemma_.lower() not in res.cues.light_verbs:
                return []  # "contribuera … sur les attaques": an oblique noun is not the verb's act
            heads = []
            if (dep in ("xcomp", "advcl") and head.lemma_.lower() in res.cues.object_control_verbs
                    and current.i > head.i and not present_participle(current)):
                # "accuse Washington de livrer des armes": the object does the embedded act (but
                # "Appelant à un cessez-le-feu, Lula a accusé Israël …": a clause set before the
                # verb is said of its subject; "a appelé X, l'exhortant à …": the caller)
                heads = [c for c in head.children if c.dep_ in OBJECT and c.i != current.i]
            heads = heads or [c for c in subjects(head, res.cues.unaccusative_verbs) if c.i != current.i]
            if not heads and dep == "xcomp" and lang == "fr":
                # "le Mali est disposé à coopérer", "X a été autorisé à rencontrer": the passive
                # subject of the governing verb does the embedded act
                heads = [c for c in head.children if c.dep_ in PASSIVE_SUBJECT and c.i != current.i]
            if not heads:
                heads = [c for c in head.children if c.dep_ == "agent" or c.dep_ == "obl:agent"]
                heads = [next((g for g in h.children if g.dep_ == "pobj"), h) if h.dep_ == "agent" else h for h in heads]
            if heads:
                actors = self._resolve_heads(heads, lang, when, ctx)
                if any(a.resolved for a in actors):
                    return actors
            current = head
        return []

    def _actor_of_the_clause_above(self, noun: Token, lang: str, when: date | None,
                                   ctx: DocumentContext) -> list[Actor]:
        """The nearest verb above ``noun`` whose subject or agent names an actor: whom a personal
        pronoun in a relative clause on that noun stands for."""
        current = noun
        for _ in range(6):
            head = current.head
            if head.i == current.i:
                return []
            if head.pos_ in ("VERB", "AUX"):
                heads = [c for c in head.children if c.i != current.i and c.pos_ != "PRON"
                         and (c.dep_ in SUBJECT or c.dep_ in ("obl:agent", "agent"))]
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
                if actors:
                    return actors
            current = head
        return []

    def _party_of_the_clause(self, tok: Token, out: Roles, res: LanguageResources, lang: str, when: date | None,
                             ctx: DocumentContext) -> list[Actor]:
        """"L'Arménie a décrété la loi martiale après des affrontements avec l'Azerbaïdjan",
        "India closed the border after clashes with Pakistan": a fight with someone, named in
        an adverbial of a clause, is fought by that clause's subject."""
        head = tok.head
        if tok.dep_ == "pobj" and head.pos_ == "ADP":
            head = head.head
        elif tok.dep_ not in ("obl", "obl:mod", "advcl"):
            return []
        if head.pos_ not in ("VERB", "AUX") or head.i == tok.i:
            return []
        partners = [a for a in out.pair + out.targets if a.resolved]
        heads = [h for h in subjects(head, res.cues.unaccusative_verbs) if h.pos_ != "PRON"]
        actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved and a.country]
        # (a state's army and its own rebels are two sides: "le M23 … après des combats avec l'armée congolaise")
        same_side = any(a.country == p.country and (a.sector is None or p.sector is None or a.sector == p.sector)
                        for a in actors for p in partners)
        return actors if actors and not same_side else []

    def _target_inside_object(self, tok: Token, spec: Sequence[str], lang: str, when: date | None,
                              ctx: DocumentContext) -> list[Actor]:
        """"ont dépêché des équipes de secouristes en Turquie": the recipient's phrase, by its
        preposition one of the verb's own ("en", "à", "contre"), hung by the parser inside the
        object rather than on the verb, or on a participle that describes the object ("a entériné
        l'accord conclu avec l'Estonie": the partner of the agreement endorsed)."""
        preps = {p for p in spec if p not in ("obj", "iobj", "dobj")} - GENITIVES
        if not preps:
            return []
        for obj in (c for c in tok.children if c.dep_ in OBJECT or (c.dep_ == "obl:arg" and _partitive(c))):
            if obj.lemma_.lower() in ACCESS_NOUNS:
                # "rétablira l'accès des inspecteurs de l'AIEA": whose access is given back
                holders = [c for c in obj.children if c.dep_ in ("nmod", "prep", "pobj")
                           and preposition_of(c) in GENITIVES]
                actors = [a for a in self._resolve_heads(holders, lang, when, ctx) if a.resolved]
                if actors:
                    return actors
            layer = [obj]
            for _ in range(3):
                layer = [c for t in layer for c in t.children if c.dep_ in ("nmod", "prep", "pobj")] + [
                    g for t in layer for c in t.children if c.dep_ == "acl" and c.pos_ == "VERB"
                    for g in c.children if g.dep_ in _PARTICIPLE_OBLIQUES]
                heads = [t for t in layer if preposition_of(t) in preps]
                actors = [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
                if actors:
                    return actors
        return []

    def _governor_targets(self, tok: Token, spec_in: Sequence[str], lang: str, when: date | None,
                          ctx: DocumentContext) -> list[Actor]:
        head = tok.head
        if head.pos_ == "NOUN" and head.lemma_.lower() in _MESSAGE_NOUNS and tok.dep_ == "nmod":
            # "un message de félicitations au nouveau président du Sénégal": the message is addressed
            heads = [c for c in head.children if c.dep_ == "nmod" and c.i != tok.i
                     and preposition_of(c) in set(spec_in)]
            return [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]
        if head.i == tok.i or tok.dep_ not in OBJECT | SUBJECT | {"obl", "obl:arg", "obl:mod", "pobj"}:
            return []
        if head.pos_ == "ADP":  # English: noun under a preposition of the verb
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return []
        spec = set(DEFAULT_TARGETS["NOUN"]) | set(spec_in)
        heads = [a.head for a in arguments(head) if a.role == "oblique" and a.prep in spec and a.head.i != tok.i
                 and a.head.lemma_.lower() not in _TOPIC_MARKERS]
        return [a for a in self._resolve_heads(heads, lang, when, ctx) if a.resolved]

    def _window_actors(self, tok: Token, res: LanguageResources, lang: str, when: date | None,
                       ctx: DocumentContext) -> list[Actor]:
        """Actors named right after a nominal trigger, when the parse lost them."""
        sent = tok.sent
        end = tok.i + 1
        while end < sent.end:
            t = tok.doc[end]
            if t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text not in ("-", "'")) or end - tok.i > 25:
                break
            end += 1
        if end <= tok.i + 1 or tok.doc[tok.i + 1].lower_ not in GENITIVES:
            return []  # only "la réunion du président … et du chef …": a genitive names the actors
        span_text = tok.doc[tok.i + 1:end].text
        chunks = [c for c in split_conjuncts(span_text, lang) if c.strip()]
        actors: list[Actor] = []
        for chunk in chunks:
            actor = self.resolver.resolve(chunk.strip(" ,"), lang=lang, when=when, context=ctx.salient_countries(), guess_country=False)
            if actor is not None and actor.resolved:
                actors.append(actor)
        return actors

    def _window_target(self, tok: Token, spec: Sequence[str], lang: str, when: date | None,
                       ctx: DocumentContext) -> list[Actor]:
        """"son entretien avec le président Xi" when the parser hung the phrase elsewhere."""
        doc = tok.doc
        start = tok.i + 1
        if start >= tok.sent.end or doc[start].lower_ not in spec:
            return []
        end = start + 1
        while end < tok.sent.end and not (doc[end].pos_ in ("VERB", "AUX") or doc[end].is_punct) and end - start < 12:
            end += 1
        text = doc[start + 1:end].text
        return [a for a in self.resolver.resolve_many(text, lang=lang, when=when, context=ctx.salient_countries(), guess_country=False) if a.resolved]


def unplaced_group_object(tok: Token, cues: Cues) -> Token | None:
    """The direct object of ``tok`` when it names a group no country stands for ("l'Occident",
    "les Occidentaux", "la communauté internationale", "the West"), else None."""
    if not cues.unplaced_groups or tok.pos_ != "VERB":
        return None
    for obj in tok.children:
        if obj.dep_ not in ("obj", "dobj") or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        modifiers = [c.lower_ for c in obj.children if c.dep_ in ("amod", "compound") and c.pos_ == "ADJ"]
        names = {obj.lower_, *(f"{obj.lower_} {m}" for m in modifiers), *(f"{m} {obj.lower_}" for m in modifiers)}
        if names & cues.unplaced_groups:
            return obj
    return None
