"""The parties of talks, agreements and visits when the clause leaves them empty: the pair
of "les deux pays", the "entre X et Y" of an agreement noun or of the participle that reports
it reached, the visitor of "en visite à", and travellers to talks ("attendue au Caire pour des
discussions").

:class:`PartyReadings` is mixed into :class:`~tocsin.coding.arguments.ArgumentRules`, whose
``_arguments`` runs these steps among the fallbacks of
:class:`~tocsin.coding.role_fallbacks.RoleFallbacks`; it relies on the resolver helpers of the
class it is mixed into.
"""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.coding.clause_roles import RoleReading
from tocsin.coding.model import same_actor
from tocsin.coding.syntax import (
    PASSIVE_SUBJECT,
)
from tocsin.records import Actor

#: verbs of going or sending somewhere, whose "pour" phrase can name the talks held there
_TRAVEL_VERBS = frozenset({"attendre", "arriver", "venir", "rendre", "dépêcher", "envoyer", "partir", "voyager",
                           "recevoir", "accueillir"})

#: acts whose recipients a "dont" phrase can single out
_SINGLED_OUT_TYPES = frozenset({"ASSAULT", "COERCE"})


class PartyReadings:
    """Parties of two-sided acts and travellers, read where the clause leaves them empty."""

    def _parties_of_the_talks(self, reading: RoleReading) -> None:
        """Talks with no one named: the parties of what they led to
        (:meth:`~tocsin.coding.recipients.RecipientRules._parties_of_the_outcome`)."""
        pred = reading.pred
        res, lang, when, ctx = reading.res, reading.lang, reading.when, reading.ctx
        out = reading.out
        if (reading.borrow and pred.type == "CONSULT" and pred.pos == "NOUN" and not any(a.resolved for a in out.sources)
                and not any(a.resolved for a in out.pair + out.targets)):
            out.pair = self._parties_of_the_outcome(reading.tok, res, lang, when, ctx, reading.by_index) or out.pair

    def _parties_of_the_reached_agreement(self, reading: RoleReading) -> None:
        """An agreement noun whose parties the parser hung on the participle that reports it
        reached: "l'accord de cessez-le-feu conclu mardi entre le Cambodge et la Thaïlande", "un
        accord de principe a été obtenu vendredi entre Washington et Téhéran". The "entre" phrase
        of that participle, outside the noun's own phrase, names the pair."""
        tok, pred, out = reading.tok, reading.pred, reading.out
        if (not reading.borrow or pred.type != "AGREE" or pred.pos != "NOUN" or not pred.symmetric
                or any(a.resolved for a in out.sources + out.pair + out.targets)):
            return
        verbs = [c for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB"
                 and "Part" in c.morph.get("VerbForm")]
        if tok.dep_ in PASSIVE_SUBJECT and tok.head.pos_ == "VERB":
            verbs.append(tok.head)
        own = {t.i for t in tok.subtree} - {v.i for v in verbs}
        for verb in verbs:
            for t in verb.subtree:
                if t.i in own or t.lower_ != "entre" or t.i == 0:
                    continue
                pair = self._window_target(t.doc[t.i - 1], ("entre",), reading.lang, reading.when, reading.ctx)
                if len(pair) >= 2:
                    out.pair = pair
                    return

    def _parties_between(self, reading: RoleReading) -> None:
        """"Le Qatar a annoncé un accord entre Israël et le Hamas", "a salué l'accord de
        cessez-le-feu entre l'Inde et le Pakistan": the "entre X et Y" phrase of a two-sided
        noun names its two parties; whoever announces or judges it is no party of its own."""
        tok, pred, out = reading.tok, reading.pred, reading.out
        if pred.pos != "NOUN" or not pred.symmetric or any(a.resolved for a in out.pair):
            return
        # the phrase may hang on the noun's own complement ("un accord de cessez-le-feu entre …")
        phrases = [c for c in tok.children if c.dep_ in ("nmod", "pobj")]
        phrases += [g for c in phrases for g in c.children if g.dep_ in ("nmod", "pobj") and g.i > c.i]
        for phrase in phrases:
            if any(c.dep_ == "case" and c.lower_ == "entre" for c in phrase.children):
                pair = [a for a in self._resolve_heads([phrase], reading.lang, reading.when, reading.ctx) if a.resolved]
                if len(pair) >= 2:
                    out.pair, out.sources, out.targets = pair, [], []
                return

    def _ones_singled_out(self, reading: RoleReading) -> None:
        """"ont frappé des positions du Hezbollah, dont un dépôt appartenant au Hamas", "ont enlevé
        une vingtaine de personnes, dont deux ressortissants chinois": the "dont" phrase singles
        out among those acted on a recipient of its own, added to the others."""
        tok, pred, out = reading.tok, reading.pred, reading.out
        if pred.symmetric or out.pair or pred.type not in _SINGLED_OUT_TYPES or not any(a.resolved for a in out.targets):
            return  # with no one named before it, the place's people are the recipients (coder.py)
        acted_on = {tok.i} | {c.i for c in tok.children if c.dep_ in ("obj", "dobj", "nsubj:pass")}
        singled = [n for n in tok.sent if n.pos_ in ("NOUN", "PROPN") and n.head.i in acted_on and n.i > tok.i
                   and n.dep_ in ("acl:relcl", "obl:mod", "obl", "appos")
                   and any(c.lower_ == "dont" and c.dep_ == "nmod" for c in n.children)]
        for noun in singled:
            actor = self._side_apart(noun, [c for c in noun.children if c.lower_ == "dont"], reading)
            # a town or a group of the same side ("plusieurs villes ukrainiennes, dont Kiev") adds no one
            if actor is not None and not any(a.resolved and (same_actor(actor, a) or a.country == actor.country)
                                             for a in out.targets + out.sources):
                out.targets = [*out.targets, actor]

    def _side_apart(self, head: Token, apart: list[Token], reading: RoleReading) -> Actor | None:
        """The actor of a phrase read without the phrases ``apart`` hung on it: "l'armée
        congolaise" of "l'armée congolaise aux rebelles du M23"."""
        cut = {t.i for a in apart if a.head.i == head.i for t in a.subtree}
        text = " ".join(t.text for t in head.subtree if t.i not in cut).replace("' ", "'")
        actor = self.resolver.resolve(text, lang=reading.lang, when=reading.when,
                                      context=reading.ctx.salient_countries())
        return actor if actor is not None and actor.resolved else None

    def _parties_of_an_announced_truce(self, reading: RoleReading) -> None:
        """"Le Qatar a annoncé un accord entre Israël et le Hamas sur une trêve", "L'ONU a annoncé
        une trêve entre la coalition et les rebelles houthis": a truce announced between two
        named parties is theirs; the announcer is no party of it. The "entre X et Y" phrase of
        the announced object (or hung on the verb) becomes the pair, and
        :func:`~tocsin.coding.triggers.reinterpret` makes the act their agreement."""
        tok, pred, out = reading.tok, reading.pred, reading.out
        if pred.pos != "VERB" or pred.type != "CONCEDE" or pred.cameo != "0871":
            return
        if sum(1 for a in out.pair if a.resolved) >= 2:
            out.sources, out.targets = [], []  # the pair of an "entre" phrase on the verb
            return
        near = [c for c in tok.children if c.dep_ in ("obj", "obl", "obl:mod", "obl:arg") and c.i > tok.i]
        phrases = near + [g for c in near for g in c.children if g.dep_ == "nmod" and g.i > c.i]
        for phrase in phrases:
            if any(c.dep_ == "case" and c.lower_ == "entre" for c in phrase.children):
                pair = [a for a in self._resolve_heads([phrase], reading.lang, reading.when, reading.ctx) if a.resolved]
                if len(pair) >= 2:
                    out.pair, out.sources, out.targets = pair, [], []
                return

    def _parties_of_the_agreed_text(self, reading: RoleReading) -> None:
        """"Conclu au terme de pourparlers à Djeddah, l'accord entre l'armée soudanaise et les
        paramilitaires prévoit …": a verb of concluding or signing whose agreement noun names its
        two sides ("entre X et Y") and whose clause names no one: the sides are the pair."""
        pred, out, doc = reading.pred, reading.out, reading.tok.doc
        if (pred.pos != "VERB" or pred.type != "AGREE" or not pred.symmetric or not reading.trig.consumed
                or any(a.resolved for a in out.sources) or sum(1 for a in out.pair if a.resolved) >= 2):
            return
        for noun in (doc[i] for i in sorted(reading.trig.consumed)):
            for phrase in noun.children:
                if phrase.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ == "entre" for c in phrase.children):
                    pair = [a for a in self._resolve_heads([phrase], reading.lang, reading.when, reading.ctx)
                            if a.resolved]
                    if len(pair) >= 2:
                        out.pair, out.sources, out.targets = pair, [], []
                        return

    def _visitor_on_a_visit(self, reading: RoleReading) -> None:
        """"en visite à/en …" names no visitor of its own: "Antony Blinken est en visite en Israël"
        (the copula's subject), "Xi Jinping en visite d'État en France" (the name it qualifies in
        a headline), "Lula, en visite officielle à Pékin, a …", "En visite à Kiev, le chancelier
        allemand a …" (the subject of the clause it qualifies)."""
        tok, out = reading.tok, reading.out
        if (not reading.borrow or reading.pred.pos != "NOUN" or reading.pred.mode != "visit"
                or any(a.resolved for a in out.sources) or any(a.resolved for a in out.pair)
                or not any(c.dep_ == "case" and c.lower_ == "en" and c.i < tok.i for c in tok.children)):
            return
        head = tok.head
        if any(c.dep_ == "cop" for c in tok.children) or tok.head.i == tok.i:
            visitors = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
        elif tok.dep_ in ("nmod", "appos", "acl") and head.pos_ in ("PROPN", "NOUN"):
            visitors = [head]
        elif tok.dep_ in ("obl:mod", "obl", "advcl") and head.pos_ in ("VERB", "AUX"):
            visitors = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
        else:
            return
        found = [a for a in self._resolve_heads(visitors, reading.lang, reading.when, reading.ctx) if a.resolved
                 and not any(same_actor(a, t) for t in out.targets if t.resolved)]
        if found:
            out.sources = found

    def _travellers_to_the_talks(self, reading: RoleReading) -> None:
        """Talks one travels to: "Une délégation du Hamas est attendue au Caire pour des
        discussions", "Pyongyang a dépêché un haut responsable à Moscou pour des consultations",
        "est arrivé à Pékin pour des entretiens": whoever goes (the subject; the sender of an
        envoy) meets the place's country."""
        tok, out, pred = reading.tok, reading.out, reading.pred
        verb = tok.head
        if (not reading.borrow or pred.pos != "NOUN" or pred.type != "CONSULT" or verb.pos_ != "VERB"
                or verb.lemma_.lower() not in _TRAVEL_VERBS
                or not any(c.dep_ == "case" and c.lower_ == "pour" for c in tok.children)):
            return
        lang, when, ctx = reading.lang, reading.when, reading.ctx
        if not any(a.resolved for a in out.sources) and not any(a.resolved for a in out.pair):
            goers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
            found = [a for a in self._resolve_heads(goers, lang, when, ctx) if a.resolved]
            if not found and verb.lemma_.lower() in ("envoyer", "dépêcher"):
                found = [a for a in self._resolve_heads([c for c in verb.children if c.dep_ == "obj"], lang, when, ctx)
                         if a.resolved]
            if found:
                out.sources = found
        if not any(a.resolved for a in out.targets) and not any(a.resolved for a in out.pair):
            # the place, on the verb or hung on its object or a time phrase ("a dépêché un haut
            # responsable à Moscou", "est attendu la semaine prochaine à Pékin")
            near = [c for c in verb.children if c.i != tok.i and (c.dep_.startswith("obl") or c.dep_ == "obj")]
            places = [c for c in near + [g for c in near for g in c.children if g.dep_ == "nmod"]
                      if c.dep_ != "obj" and c.i != tok.i
                      and any(g.dep_ == "case" and g.lower_ in ("à", "au", "aux", "en", "chez") for g in c.children)]
            found = [a for a in self._resolve_heads(places, lang, when, ctx) if a.resolved
                     and not any(same_actor(a, s) for s in out.sources if s.resolved)]
            if found:
                out.targets = found
