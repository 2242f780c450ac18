"""The sentence pre-filter: generous candidates, filler dropped, no event lost."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from tocsin.actors import load_knowledge_base
from tocsin.lang import SUPPORTED_LANGUAGES, load_language
from tocsin.nlp.prefilter import Prefilter, stems_for

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "src" / "tocsin" / "data" / "sample"


@pytest.fixture(scope="module")
def prefilter() -> Prefilter:
    return Prefilter({iso: load_language(iso) for iso in SUPPORTED_LANGUAGES}, load_knowledge_base())


@pytest.mark.parametrize("text", [
    "Vladimir Poutine a rencontré Xi Jinping à Moscou.",
    "L'armée russe a bombardé des positions ukrainiennes près de Kharkiv.",
    "Les autorités iraniennes ont condamné l'attaque.",
    "Il a également critiqué la politique de Washington.",
    "Les deux parties ont signé un accord de cessez-le-feu.",
    "Le gouvernement a annoncé des sanctions contre Pyongyang.",
    "Cela a été confirmé mardi par l'agence officielle.",
    "Des manifestants ont protesté devant l'ambassade de France à Alger.",
    "Selon le Kremlin, les pourparlers reprendront la semaine prochaine.",
])
def test_french_candidates(prefilter: Prefilter, text: str) -> None:
    assert prefilter.keep(text, "fr")


@pytest.mark.parametrize("text", [
    "Russia accused Ukraine of shelling the plant.",
    "Chinese officials denied the report.",
    "They agreed to resume talks on the border.",
    "Both sides signed a memorandum of understanding.",
    "The army arrested dozens of protesters in the capital.",
    "This was confirmed on Friday by the foreign ministry.",
    "Tehran threatened retaliation.",
    "NATO pledged more air defence systems to Kyiv.",
])
def test_english_candidates(prefilter: Prefilter, text: str) -> None:
    assert prefilter.keep(text, "en")


@pytest.mark.parametrize(("text", "lang"), [
    ("L'inflation a atteint 2,4 % sur un an en mars.", "fr"),
    ("La neige est tombée en abondance sur les stations de ski.", "fr"),
    ("Le taux de chômage est resté stable à 7,3 %.", "fr"),
    ("Le festival a attiré plus de 20 000 spectateurs pendant cinq jours.", "fr"),
    ("Le XV de France prépare son prochain test-match dans un climat serein.", "fr"),
    ("Rainfall was 12 percent below normal last month.", "en"),
    ("Heavy snow fell in the mountains, to the delight of ski resorts.", "en"),
    ("The housing market remains sluggish in the largest cities.", "en"),
    ("Groundwater levels remain worrying in several counties.", "en"),
    # "according" begins with the stem of "accord" and is none of its forms
    ("Exports to China rose 4 percent in May, according to official figures.", "en"),
    ("", "en"),
])
def test_filler_is_dropped(prefilter: Prefilter, text: str, lang: str) -> None:
    assert not prefilter.keep(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Joe Biden met Emmanuel Macron in Paris.", "en"),
    ("Iranian forces struck a tanker in the Gulf.", "en"),
    ("Kyiv sought new guarantees from Washington.", "en"),
    ("Syrian troops fought rebels near Idlib.", "en"),
    ("Russia withdrew its ambassador from Vilnius.", "en"),
    ("Russian troops have withdrawn from the town.", "en"),
    ("Germany sent tanks to Ukraine.", "en"),
    ("The militia took several Israeli soldiers hostage.", "en"),
    ("Beijing forgave part of Zambia's debt.", "en"),
    ("Moscow froze the assets of British companies.", "en"),
    ("Police shot two protesters in Lagos.", "en"),
    ("Pakistan broke off ties with Kabul.", "en"),
    ("According to Kyiv, Russia signed an accord with Iran.", "en"),
    ("Le président ukrainien a reçu son homologue polonais à Kiev.", "fr"),
    ("Les rebelles détiennent trois ressortissants français.", "fr"),
    ("Paris soutient la candidature de Kiev.", "fr"),
    ("L'armée a pris le contrôle de la ville, selon Damas.", "fr"),
    ("Washington a mis en garde Pékin contre toute escalade.", "fr"),
    ("Les deux pays ont rompu leurs relations diplomatiques.", "fr"),
    ("Moscou et Kiev sont parvenus à un accord sur les céréales.", "fr"),
    ("Les troupes turques ont conquis la colline.", "fr"),
    ("Le Japon a promis une aide à Manille.", "fr"),
    ("La police a battu en retraite devant les manifestants à Dakar.", "fr"),
    ("Les soldats ont ouvert le feu sur la foule à Bamako.", "fr"),
])
def test_irregular_forms(prefilter: Prefilter, text: str, lang: str) -> None:
    assert prefilter.keep(text, lang)


def test_irregular_stems() -> None:
    assert {"tien", "tinr"} <= set(stems_for("tenir", "VERB", "fr"))
    assert {"detien", "detinr"} <= set(stems_for("détenir", "VERB", "fr"))
    assert {"met", "mis"} <= set(stems_for("mettre", "VERB", "fr"))
    assert {"withdrew", "withdrawn"} <= set(stems_for("withdraw", "VERB", "en"))
    assert "rencontr" in stems_for("rencontrer", "VERB", "fr")
    assert "accus" in stems_for("accuse", "VERB", "en")


def test_conditional_predicate_needs_its_object(prefilter: Prefilter) -> None:
    # 'signer' codes an event only with one of its objects (accord, traité…)
    assert not prefilter.keep("Emmanuel Macron a signé le livre d'or.", "fr")
    assert prefilter.keep("Emmanuel Macron a signé un traité avec Berlin.", "fr")
    assert not prefilter.keep("Joe Biden lifted the trophy.", "en")
    assert prefilter.keep("Joe Biden lifted the sanctions.", "en")


def test_actor_cues(prefilter: Prefilter) -> None:
    # a predicate with no actor cue is skipped; a lower-case adjective or sector word is an actor cue
    assert not prefilter.keep("des hommes ont attaqué un entrepôt.", "fr")
    assert prefilter.keep("des soldats russes ont attaqué un entrepôt.", "fr")
    assert prefilter.keep("la police a arrêté trois suspects.", "fr")
    # a capitalised word inside the sentence may be an unknown name
    assert prefilter.keep("Men loyal to Kovalenko attacked the depot.", "en")
    # 'UN' is the UN only in capitals; 'un' is a French article
    assert not prefilter.keep("un homme a attaqué un entrepôt.", "fr")


def test_without_actor_requirement() -> None:
    languages = {iso: load_language(iso) for iso in SUPPORTED_LANGUAGES}
    loose = Prefilter(languages, load_knowledge_base(), require_actor=False)
    assert loose.keep("des hommes ont attaqué un entrepôt.", "fr")
    assert not loose.keep("La neige est tombée en abondance.", "fr")


def test_for_language_is_cached(prefilter: Prefilter) -> None:
    assert prefilter.for_language("fr") is prefilter.for_language("fr")
    assert prefilter.for_language("fr") is not prefilter.for_language("en")


def test_sample_corpus_same_events_with_and_without(engine) -> None:
    from tocsin.ingest import read_inputs
    from tocsin.pipeline import Engine, PipelineOptions
    from tocsin.records import Article

    files = sorted(SAMPLE_DIR.glob("*.jsonl"))
    assert files, "no sample corpus"
    articles = [a for a in read_inputs(files) if isinstance(a, Article)]
    assert engine.prefilter is not None
    without = Engine(PipelineOptions(prefilter=False))
    without.pipelines = engine.pipelines  # same loaded models
    with_events = [asdict(e) for o in engine.code(articles) for e in o.events]
    without_events = [asdict(e) for o in without.code(articles) for e in o.events]
    assert with_events, "the sample corpus should hold events"
    assert with_events == without_events
