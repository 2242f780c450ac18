"""Readings of who undergoes or carries out an attack, used by
:class:`~tocsin.coding.arguments.ArgumentRules` when the clause does not say it plainly: the
subject of "a été visé par une attaque", a place or civilians struck, what an attack noun
hit, the author of a condemned act ("la violation … par des drones russes"), and whoever
reports drones or missiles brought down.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Token

from tocsin.coding.context import DocumentContext
from tocsin.coding.model import (
    LanguageResources,
    Roles,
)
from tocsin.coding.qualifiers import Cues, reporting_speaker
from tocsin.coding.syntax import (
    OBJECT,
    Argument,
    arguments,
    preposition_of,
)
from tocsin.lang import Predicate
from tocsin.records import Actor

#: types whose recipient may be named as a place ("exercises around Taiwan")
LOCATIVE_TYPES = frozenset({"MOBILIZE", "ASSAULT", "CONSULT", "AID", "COERCE"})
#: types whose recipient may be civilians as a group
CIVILIAN_TYPES = frozenset({"ASSAULT", "COERCE", "AID"})
#: verbs whose passive subject undergoes the attack named as their agent ("a été visé par une frappe")
TARGETING_VERBS = frozenset({"viser", "cibler", "toucher", "frapper", "target", "hit"})
#: nouns whose subject undergoes the attack named in their complement ("a été la cible de tirs")
TARGET_NOUNS = frozenset({"cible"})
#: prepositions of the one an attack noun is aimed at ("les frappes sur Kharkiv", "strikes on Iran")
AIMED_PREPOSITIONS = frozenset({"sur", "contre", "on", "against"})
#: killings and attacks that, condemned with no author named, accuse no one
CONDEMNED_HARMS = frozenset({"assassinat", "meurtre", "mort", "attentat", "tentative", "enlèvement", "exécution"})
#: verbs whose object an attack noun as subject strikes ("Des frappes russes ont visé Kharkiv")
STRIKING_VERBS = TARGETING_VERBS | {"atteindre", "endommager", "détruire", "pilonner", "ravager",
                                    "strike", "damage", "destroy"}
#: splits a phrase into words at spaces and elisions ("d'élèves", "l'armée")
_WORD_SPLIT = re.compile(r"[\s'’]+")


#: prepositions of where people are deported to ("expulsés vers le Guatemala"): not who undergoes it
_DESTINATION_PREPOSITIONS = frozenset({"vers", "to", "towards"})


class AttackReadings:
    """Readings of who undergoes or carries out an attack (mixed into the coder)."""

    def _targeted_by_the_attack(self, tok: Token, out: Roles, cues: Cues, lang: str, when: date | None,
                                ctx: DocumentContext) -> None:
        """"Kiev a été visée par une attaque de missiles russes", "Le Hezbollah a été visé par une
        série de frappes israéliennes", "Une base américaine a été la cible de tirs": the
        subject of the targeting verb or of "la cible" undergoes the attack, and the
        nationality of the attack, of its series or of its weapons names who made it."""
        node = tok
        if node.dep_ == "nmod" and node.head.lemma_.lower() in cues.quantifier_nouns:
            node = node.head  # "une série de frappes"
        governor = node.head
        if node.dep_ == "obl:agent" and governor.lemma_.lower() in TARGETING_VERBS:
            patients = [c for c in governor.children if c.dep_ in ("nsubj:pass", "nsubjpass")]
        elif node.dep_ == "nmod" and governor.lemma_.lower() in TARGET_NOUNS:
            patients = [c for c in governor.children if c.dep_ == "nsubj"]
        else:
            return
        victims = [a for a in self._resolve_heads(patients, lang, when, ctx) if a.resolved]
        if not victims:
            return
        if not any(a.resolved for a in out.sources):
            weapons = cues.aerial_weapons | cues.weapon_nouns
            adjectives = [c for c in node.children if c.dep_ == "amod" and c.pos_ == "ADJ"]
            adjectives += [g for c in tok.children if c.dep_ == "nmod" and c.lemma_.lower() in weapons
                           for g in c.children if g.dep_ == "amod" and g.pos_ == "ADJ"]
            makers = [a for a in self._resolve_heads(adjectives, lang, when, ctx) if a.resolved and a.country]
            if makers:
                out.sources = makers
        sides = {a.country for a in out.sources if a.resolved}
        out.targets = [a for a in victims if a.country not in sides or a.sector] or out.targets

    def _locative_or_civilian_target(self, tok: Token, pred: Predicate, out: Roles, args: list[Argument],
                                     res: LanguageResources, lang: str, when: date | None,
                                     ctx: DocumentContext) -> None:
        """Last resorts for the recipient: a place named after a locative preposition
        ("drills around Taiwan", "troupes envoyées en Ukraine"), or civilians as a group
        ("arrested dozens", "tué des civils") of the country where it happens."""
        cues = res.cues
        if pred.type == "ASSAULT" and not out.pair:
            self._struck_by_the_attack(tok, pred, out, lang, when, ctx, cues)
        if pred.type == "ACCUSE" and pred.pos == "VERB" and not out.pair:
            self._agent_of_the_condemned_act(tok, out, lang, when, ctx)
        source_country = next((a.country for a in out.sources if a.resolved), None)
        if pred.type in CIVILIAN_TYPES and not out.pair:
            # "des dizaines d'écoliers au Burkina Faso": civilians read as the country of the
            # place inside their phrase are that country's civilians
            out.targets = [Actor(text=a.text, code=a.country + "CVL", country=a.country, sector="CVL")
                           if a.resolved and a.country and a.sector is None and _names_civilians(a.text, cues) else a
                           for a in out.targets]
        if out.pair or any(a.resolved for a in out.targets):
            self._crowd_source(out, cues, ctx)
            return
        if pred.type in LOCATIVE_TYPES:
            heads = [a.head for a in args if a.role == "oblique" and a.prep in cues.locative_prepositions
                     and not (pred.mode == "deport" and a.prep in _DESTINATION_PREPOSITIONS)]
            civilians = pred.type in CIVILIAN_TYPES and any(
                not a.resolved and _names_civilians(a.text, cues) for a in out.targets)
            for actor in self._resolve_heads(heads, lang, when, ctx):
                if actor.resolved and actor.country != source_country:
                    if civilians and actor.country and actor.sector is None:
                        # "ont tué une dizaine de fidèles dans une mosquée du Niger": its civilians
                        actor = Actor(text=actor.text, code=actor.country + "CVL", country=actor.country, sector="CVL")
                    out.targets = [actor]
                    return
        self._crowd_source(out, cues, ctx)
        for actor in out.targets:
            # "une centaine d'élèves": the words split on elisions too
            if not actor.resolved and _names_civilians(actor.text, cues) and pred.type in CIVILIAN_TYPES:
                if pred.mode == "deport":
                    return  # "a expulsé vers le Costa Rica 40 opposants": the other country is where they go
                country = next((c for c in ctx.sentence_countries if c != source_country), None)
                if country is None:
                    # "Les ADF ont massacré des fidèles dans une église de l'Ituri": the town or
                    # region where it happened, else the country of whoever did it
                    places = [a.head for a in args if a.role == "oblique" and a.prep in cues.locative_prepositions]
                    country = next((c for c in map(lambda h: self._town_country(h, ctx), places) if c), source_country)
                if country:
                    out.targets = [Actor(text=actor.text, code=country + "CVL", country=country, sector="CVL")]
                return

    def _struck_by_the_attack(self, tok: Token, pred: Predicate, out: Roles, lang: str, when: date | None,
                              ctx: DocumentContext, cues: Cues) -> None:
        """"Des frappes russes ont visé Kharkiv", "Une frappe de drones a touché un immeuble à
        Odessa", "Des tirs nord-coréens ont visé une patrouille sud-coréenne": an attack noun
        that is the subject of a targeting verb (or that verb itself, when it is the trigger)
        strikes the verb's object, not the attack's own complement (the weapons, "de drones
        russes"). An object that names no actor stays as written, so that the place it holds
        can stand for its country (coding/locations.py)."""
        if pred.pos == "NOUN":
            attack, verb = tok, tok.head
            if tok.dep_ != "nsubj" or verb.i == tok.i:
                return
        else:
            verb = tok
            attack = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if attack is None or attack.lemma_.lower() not in cues.agentive_attack_nouns | cues.aerial_weapons:
                return
        if verb.lemma_.lower() not in STRIKING_VERBS:
            return
        # (a name after the verb may be read as a second subject: "ont touché Beyrouth")
        objects = [c for c in verb.children if c.dep_ in OBJECT or (c.dep_ == "nsubj" and c.i > verb.i)]
        if not objects:
            return
        struck = self._resolve_heads(objects, lang, when, ctx)
        sides = {a.country for a in out.sources if a.resolved}
        victims = [a for a in struck if a.resolved and (a.country not in sides or a.sector)]
        if victims:
            out.targets = victims
        elif struck and not (any(a.resolved for a in out.targets) and any(
                preposition_of(c) in AIMED_PREPOSITIONS or (c.dep_ == "prep" and c.lower_ in AIMED_PREPOSITIONS)
                for c in (attack if verb is tok else tok).children)):
            # (but "Israel's strikes on Iran hit air defence sites": the attack names whom it
            # is aimed at, the sites it hit name no one)
            out.targets = [a for a in struck if not a.resolved] or out.targets

    def _agent_of_the_condemned_act(self, tok: Token, out: Roles, lang: str, when: date | None,
                                    ctx: DocumentContext) -> None:
        """"L'OTAN a condamné la violation de l'espace aérien polonais par des drones russes",
        "condemned the invasion of Ukraine by Russia": the act condemned names its author after
        "par"/"by", and the author is the one accused, not the one the act was done to."""
        authors: list[Token] = []
        for obj in (c for c in tok.children if c.dep_ in OBJECT and c.pos_ == "NOUN"):
            # on the act, or on its complement where the parser hung it ("l'invasion de
            # l'Ukraine par la Russie")
            # (not inside a clause on the act: "les déclarations de Stubb, qui avait appelé à lever
            # les restrictions sur l'usage des armes par Kiev" are not Kyiv's)
            near = [t for t in obj.subtree if t.i != obj.i and not _inside_a_clause(t, obj)]
            if not any(c.dep_ in ("auxpass", "aux:pass") for c in tok.children):
                # "condemned the invasion … by Russia", hung on the verb
                near += [c for c in tok.children if c.dep_ in ("prep", "obl", "obl:mod") and c.i > obj.i]
            for child in near:
                if child.dep_ in ("nmod", "obl", "obl:mod", "obl:agent", "conj") and any(
                        g.dep_ == "case" and g.lower_ == "par" for g in child.children):
                    authors.append(child)
                elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
                    authors.extend(g for g in child.children if g.dep_ == "pobj")
        if not authors:
            return
        sides = {a.country for a in out.sources if a.resolved}
        # each author and the authors coordinated with it ("par la Russie et la Biélorussie"), but
        # not the act the parser may have coordinated it with
        heads = [*authors, *(c for h in authors for c in h.children if c.dep_ == "conj")]
        accused = [a for h in heads for a in self._actors_for_conjunct(h, lang, when, ctx)
                   if a.resolved and a.country and a.country not in sides]
        if accused:
            out.targets = accused

    def _no_victim_for_author(self, tok: Token, out: Roles) -> None:
        """"Le président a condamné la tentative d'assassinat contre Donald Trump", "ont dénoncé
        la mort en détention d'Alexeï Navalny", "l'assassinat de son chef à Téhéran": a killing
        or an attack condemned with no author named, by "par" or by a nationality adjective,
        accuses no one; the one it was done to, or the place, is not the one accused."""
        if not out.targets:
            return
        for obj in (c for c in tok.children if c.dep_ in OBJECT and c.pos_ == "NOUN"):
            if obj.lemma_.lower() not in CONDEMNED_HARMS and obj.lower_ not in CONDEMNED_HARMS:
                continue
            inner = [t for t in obj.subtree if t.i != obj.i]
            if any(t.dep_ == "amod" and t.pos_ == "ADJ" and t.head.lower_ in CONDEMNED_HARMS for t in inner):
                return  # "l'attaque russe contre …": the adjective names the author
            if any(t.lower_ == "par" for t in inner):
                return  # "… par des drones russes": the author is named
            end = obj.right_edge.i
            for hung in sorted((c for c in tok.children if c.dep_ in ("obl", "obl:mod") and c.i > obj.i),
                               key=lambda c: c.i):
                if hung.left_edge.i != end + 1:
                    break
                end = hung.right_edge.i  # "l'assassinat à Téhéran du chef du Hamas", hung on the verb
            phrase = tok.doc[obj.left_edge.i:end + 1].text
            if all(a.text and a.text in phrase for a in out.targets):
                out.targets = []
                out.no_inference = True
            return

    def _interceptor_who_reports(self, tok: Token, out: Roles, lang: str, when: date | None,
                                 ctx: DocumentContext) -> list[Actor]:
        """"« 41 drones ukrainiens ont été interceptés et détruits », a affirmé le ministère russe
        de la Défense", "… abattus dans la nuit, selon l'armée de l'air ukrainienne": drones or
        missiles brought down, with no agent, by the account of another country's armed forces
        or government, were brought down by them."""
        cues = self.languages[lang].cues
        undergoers = [a.head for a in arguments(tok, cues.unaccusative_verbs) if a.role == "passive_subject"]
        if not any(u.lemma_.lower() in cues.aerial_weapons for u in undergoers):
            return []
        current = tok
        while current.dep_ == "conj" and current.head.i != current.i:
            current = current.head  # "interceptés et détruits": the speaker of the first
        speaker_tok = reporting_speaker(current, cues) or next(iter(ctx.sentence_sources), None)
        if speaker_tok is None:
            return []  # ("…, selon l'armée de l'air ukrainienne": the account of the sentence)
        speaker = self._actor_for_phrase(speaker_tok, lang, when, ctx)
        owners = {a.country for a in out.targets if a.resolved}
        if not speaker.resolved or speaker.sector not in ("MIL", "GOV") or not owners or speaker.country in owners:
            return []
        return [speaker]


_CLAUSE_LINKS = frozenset({"acl:relcl", "relcl", "advcl", "ccomp", "xcomp"})


def _inside_a_clause(word: Token, top: Token) -> bool:
    """Whether a clause of its own (a relative, an infinitive, a verb with a subject) stands
    between ``word`` and ``top``, an ancestor of it; a bare participle describing the act ("la
    punition infligée par Israël") is part of the act's phrase."""
    current = word.head
    while current.i != top.i and current.head.i != current.i:
        if current.pos_ in ("VERB", "AUX") and (current.dep_ in _CLAUSE_LINKS or any(
                c.dep_ in ("nsubj", "nsubj:pass") for c in current.children)):
            return True
        current = current.head
    return False


def _names_civilians(text: str, cues: Cues) -> bool:
    """Whether a phrase names people ("une centaine d'élèves", "dozens of villagers"), not
    weapons or aircraft counted the same way ("dozens of Ukrainian drones")."""
    words = _WORD_SPLIT.split(text.lower())
    singular = {w[:-1] if w.endswith("s") else w for w in words}
    return not cues.civilian_words.isdisjoint(words) and singular.isdisjoint(cues.aerial_weapons | cues.weapon_nouns)
