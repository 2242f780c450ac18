"""Tests of the actor knowledge base and resolver (tocsin.actors)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from tocsin.actors import Resolver, load_knowledge_base, normalise, tokenize
from tocsin.errors import DataFileError

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "people_fixture.tsv"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


@pytest.fixture(scope="module")
def resolver(kb):
    return Resolver(kb)


def code(resolver: Resolver, text: str, lang: str, **kw) -> str | None:
    actor = resolver.resolve(text, lang=lang, **kw)
    return actor.code if actor else None


# --------------------------------------------------------------------------- countries


def test_every_iso_country_has_both_names(kb):
    pycountry = pytest.importorskip("pycountry")
    for record in pycountry.countries:
        country = kb.countries[record.alpha_3]
        assert country.name_en and country.name_fr, record.alpha_3
        assert country.iso2 == record.alpha_2


def test_inhabited_countries_have_adjectives(kb):
    with_adjectives = [c for c in kb.countries.values() if c.adjectives]
    assert len(kb.countries) >= 249
    assert len(with_adjectives) >= 235
    for iso3 in ("RUS", "CHN", "USA", "UKR", "FRA", "GBR", "IRN", "ISR", "PRK", "KOR", "DEU"):
        assert kb.countries[iso3].adjectives


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("russe", "fr", "RUS"), ("russes", "fr", "RUS"), ("chinoise", "fr", "CHN"),
    ("chinoises", "fr", "CHN"), ("ukrainiennes", "fr", "UKR"), ("américaines", "fr", "USA"),
    ("française", "fr", "FRA"), ("grecque", "fr", "GRC"), ("nord-coréenne", "fr", "PRK"),
    ("Ukrainian", "en", "UKR"), ("Ukrainians", "en", "UKR"), ("Britons", "en", "GBR"),
    ("North Korean", "en", "PRK"), ("South Korean", "en", "KOR"), ("Israelis", "en", "ISR"),
])
def test_adjectives_and_demonyms(resolver, text, lang, expected):
    assert code(resolver, text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Les soldats afghans", "AFGMIL"), ("Les armées burkinabè", "BFAMIL"),
])
def test_lower_case_adjective_sharing_a_key_with_a_capitalised_demonym(resolver, text, expected):
    # "afghans" (French adjective) and "Afghans" (English demonym) fold to one key: a phrase with a
    # capital letter elsewhere must still read the lower-case adjective
    assert code(resolver, text, "fr") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscou", "RUS"), ("Moscow", "RUS"), ("Pékin", "CHN"), ("Beijing", "CHN"), ("Kyiv", "UKR"),
    ("Kiev", "UKR"), ("Kyïv", "UKR"), ("Téhéran", "IRN"), ("Le Caire", "EGY"), ("Gaza", "PSE"),
])
def test_capitals_give_the_country(resolver, text, expected):
    assert code(resolver, text, "fr") == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Turkey", "en"), ("Türkiye", "en"), ("Turquie", "fr"),
])
def test_turkey_names(resolver, text, lang):
    assert code(resolver, text, lang) == "TUR"


def test_georgia_is_the_country(resolver):
    assert code(resolver, "Georgia", "en") == "GEO"


# --------------------------------------------------------------------------- institutions, sectors


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("the Pentagon", "en", "USAMIL"), ("Pentagone", "fr", "USAMIL"), ("the Kremlin", "en", "RUSGOV"),
    ("le Kremlin", "fr", "RUSGOV"), ("l'Élysée", "fr", "FRAGOV"), ("Elysée", "fr", "FRAGOV"),
    ("le Quai d'Orsay", "fr", "FRAGOV"), ("Quai d’Orsay", "fr", "FRAGOV"),
    ("la Maison Blanche", "fr", "USAGOV"), ("la Maison-Blanche", "fr", "USAGOV"),
    ("the White House", "en", "USAGOV"), ("Zhongnanhai", "en", "CHNGOV"),
])
def test_institution_metonyms(resolver, text, lang, expected):
    assert code(resolver, text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("porte-parole du ministère des Affaires étrangères de la République populaire de Chine", "fr", "CHNGOV"),
    ("le chef du ministère de la Défense de Chine", "fr", "CHNMIL"),
    ("les ministres de la défense de la Russie", "fr", "RUSMIL"),
    ("le ministère russe de la Défense", "fr", "RUSMIL"),
    ("le ministre chinois des Affaires étrangères", "fr", "CHNGOV"),
    ("l'armée ukrainienne", "fr", "UKRMIL"),
    ("les forces armées de l'Ukraine", "fr", "UKRMIL"),
    ("le président russe", "fr", "RUSGOV"),
    ("la police française", "fr", "FRACOP"),
    ("Russian troops", "en", "RUSMIL"),
    ("the Chinese foreign ministry", "en", "CHNGOV"),
    ("Russia's defence ministry", "en", "RUSMIL"),
    ("the Iranian parliament", "en", "IRNLEG"),
    ("the speaker of the Iranian parliament", "en", "IRNLEG"),
    ("Ukrainian rebels", "en", "UKRREB"),
    ("Chinese state media", "en", "CHNMED"),
])
def test_country_and_sector_descriptors(resolver, text, lang, expected):
    assert code(resolver, text, lang) == expected


def test_military_experts_keep_their_country(resolver):
    actor = resolver.resolve("les experts militaires chinois", lang="fr")
    assert actor is not None and actor.country == "CHN"


def test_sector_without_country_uses_context(resolver):
    assert code(resolver, "the army", "en", context=["UKR", "RUS"]) == "UKRMIL"
    bare = resolver.resolve("the army", lang="en")
    assert bare is not None and bare.code is None and bare.sector == "MIL"


def test_unknown_phrase_is_none(resolver):
    assert resolver.resolve("the weather yesterday", lang="en") is None
    assert resolver.resolve("", lang="en") is None


# --------------------------------------------------------------------------- organisations


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("l'OTAN", "fr", "IGONATO"), ("NATO", "en", "IGONATO"), ("Nato", "en", "IGONATO"),
    ("l'UE", "fr", "IGOEU"), ("the EU", "en", "IGOEU"), ("Bruxelles", "fr", "IGOEU"),
    ("l'ONU", "fr", "IGOUN"), ("the United Nations", "en", "IGOUN"), ("l'OCS", "fr", "IGOSCO"),
    ("la Cédéao", "fr", "IGOECOWAS"), ("l'AIEA", "fr", "IGOIAEA"),
    ("Conseil de sécurité de l'ONU", "fr", "IGOUN"),
])
def test_igos(resolver, text, lang, expected):
    actor = resolver.resolve(text, lang=lang)
    assert actor is not None and actor.code == expected
    assert actor.sector == "IGO" and actor.country is None


@pytest.mark.parametrize(("text", "expected_code", "expected_name"), [
    ("Global Times", "CHNMED", "Global Times"), ("Xinhua", "CHNMED", "Xinhua"),
    ("TASS", "RUSMED", "TASS"), ("the Institute of War", "USANGO", "Institute for the Study of War"),
    ("Hamas", "PSEREB", "Hamas"), ("le Hezbollah", "LBNREB", "Hezbollah"),
    ("Daech", "IMGISI", "Islamic State"),
])
def test_named_organisations(resolver, text, expected_code, expected_name):
    actor = resolver.resolve(text, lang="en")
    assert actor is not None
    assert (actor.code, actor.name) == (expected_code, expected_name)


def test_organisation_beats_a_country_after_a_directional_preposition(resolver):
    assert code(resolver, "l'ambassadeur de Russie auprès de l'ONU", "fr") == "RUSGOV"
    assert code(resolver, "the Russian envoy to NATO", "en") == "RUSGOV"
    assert code(resolver, "l'ambassadeur chinois en Russie", "fr") == "CHNGOV"


# --------------------------------------------------------------------------- people


@pytest.mark.parametrize(("text", "lang"), [
    ("Poutine", "fr"), ("Vladimir Poutine", "fr"), ("Putin", "en"), ("President Vladimir Putin", "en"),
    ("le président russe Vladimir Poutine", "fr"),
])
def test_putin(resolver, text, lang):
    actor = resolver.resolve(text, lang=lang, when=date(2024, 3, 1))
    assert actor is not None
    assert (actor.code, actor.name, actor.entity_id) == ("RUSGOV", "Vladimir Putin", "Q7747")
    assert actor.text == text


@pytest.mark.parametrize("text", [
    "Zelensky", "Zelenskyy", "Zelenskiy", "Zelenski", "Volodymyr Zelensky", "Volodymyr Zelenskyy",
    "Volodymyr Zelenski", "M. Zelensky",
])
def test_zelensky_variants(resolver, text):
    actor = resolver.resolve(text, lang="fr", when=date(2023, 6, 1))
    assert actor is not None and actor.name == "Volodymyr Zelensky" and actor.code == "UKRGOV"


def test_misspelt_name_with_chinese_defence_context(resolver):
    phrase = "le chef du ministère de la Défense de Chine Lee Shanfe"
    actor = resolver.resolve(phrase, lang="fr", when=date(2023, 4, 20))
    assert actor is not None
    assert (actor.name, actor.country, actor.sector, actor.code) == ("Li Shangfu", "CHN", "MIL", "CHNMIL")
    assert actor.text == phrase
    via_context = resolver.resolve("Lee Shanfe", lang="fr", when=date(2023, 4, 20), context=["CHN"])
    assert via_context is not None and via_context.name == "Li Shangfu"


def test_misspelt_name_without_context_is_not_a_person(resolver):
    actor = resolver.resolve("Lee Shanfe", lang="fr", when=date(2023, 4, 20))
    assert actor is None or actor.name != "Li Shangfu"
    other = resolver.resolve("Lee Shanfe", lang="fr", when=date(2023, 4, 20), context=["RUS", "UKR"])
    assert other is None or other.name != "Li Shangfu"


def test_misspelt_name_outside_the_role_dates_is_not_matched(resolver):
    actor = resolver.resolve("Lee Shanfe", lang="fr", when=date(2019, 1, 1), context=["CHN"])
    assert actor is None or actor.name != "Li Shangfu"


def test_role_dates(resolver):
    li = resolver.resolve_scored("Li Keqiang", lang="en", when=date(2020, 6, 1))
    assert li is not None and li.actor.code == "CHNGOV" and li.confidence > 0.9
    later = resolver.resolve_scored("Li Keqiang", lang="en", when=date(2024, 6, 1))
    # out of office by then: his country, not the government (guideline: people take the
    # country and sector they have on the publication date)
    assert later is not None and later.actor.code == "CHN" and later.confidence < li.confidence
    assert code(resolver, "Shoigu", "en", when=date(2020, 1, 1)) == "RUSMIL"
    shoigu = resolver.resolve("Shoigu", lang="en", when=date(2025, 1, 1))
    assert shoigu is not None and shoigu.name == "Sergei Shoigu"
    assert shoigu.code == "RUSGOV"  # security council secretary since May 2024


def test_first_name_that_is_a_country(resolver):
    assert code(resolver, "Jordan Bardella", "fr") != "JOR"


# --------------------------------------------------------------------------- several actors


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("les ministres de la défense de la Russie et de la Chine", "fr", ["RUSMIL", "CHNMIL"]),
    ("Russia and China", "en", ["RUS", "CHN"]),
    ("Russian and Chinese troops", "en", ["RUSMIL", "CHNMIL"]),
    ("la Russie, la Chine et l'Iran", "fr", ["RUS", "CHN", "IRN"]),
    ("the US and its allies", "en", ["USA"]),
    ("Moscou", "fr", ["RUS"]),
    ("the weather", "en", []),
])
def test_resolve_many(resolver, text, lang, expected):
    assert [a.code for a in resolver.resolve_many(text, lang=lang)] == expected


# --------------------------------------------------------------------------- mentions


def test_find_mentions_offsets_and_merges(resolver):
    text = ("Le ministère russe de la Défense a accusé l'armée ukrainienne, selon le président "
            "Vladimir Poutine, tandis que l'OTAN et les États-Unis se taisaient.")
    mentions = resolver.find_mentions(text, lang="fr", when=date(2024, 1, 1))
    for m in mentions:
        assert text[m.start:m.end] == m.text == m.actor.text
    assert [(m.text, m.actor.code) for m in mentions] == [
        ("ministère russe de la Défense", "RUSMIL"),
        ("armée ukrainienne", "UKRMIL"),
        ("président Vladimir Poutine", "RUSGOV"),
        ("OTAN", "IGONATO"),
        ("États-Unis", "USA"),
    ]


def test_find_mentions_english_descriptor_joins_the_name(resolver):
    text = "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow."
    mentions = resolver.find_mentions(text, lang="en", when=date(2024, 1, 1))
    assert [(m.text, m.actor.code) for m in mentions] == [
        ("Russian President Vladimir Putin", "RUSGOV"),
        ("Chinese leader Xi Jinping", "CHNGOV"),
        ("Moscow", "RUS"),
    ]


def test_no_match_inside_words_or_non_actor_places(resolver):
    assert resolver.find_mentions("Les guerres d'Indochine ont marqué la France.", lang="fr")[0].actor.code == "FRA"
    assert len(resolver.find_mentions("Les guerres d'Indochine.", lang="fr")) == 0
    assert resolver.resolve("Indochine", lang="fr") is None
    found = resolver.find_mentions("Ships sailed in the South China Sea as China protested.", lang="en")
    assert [m.text for m in found] == ["China"]


def test_short_acronyms_need_capitals(resolver):
    assert resolver.find_mentions("They told us the talks failed.", lang="en") == []
    found = resolver.find_mentions("The US and the U.S. Navy met.", lang="en")
    assert [m.actor.country for m in found] == ["USA", "USA"]
    assert resolver.resolve("us", lang="en") is None


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(("a", "b"), [
    ("L'Armée  Ukrainienne", "armee ukrainienne"),
    ("États-Unis", "Etats Unis"),
    ("Quai d’Orsay", "quai d'Orsay"),
    ("Kyïv", "KYIV"),
    ("the Kremlin", "Kremlin"),
    ("Cœur", "coeur"),
])
def test_normalise(a, b):
    assert normalise(a) == normalise(b)


def test_elision_and_possessive_are_split():
    assert [t.norm for t in tokenize("d'Ukraine qu'Israël Russia's")] == [
        "d", "ukraine", "qu", "israel", "russia", "s",
    ]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("d'Ukraine", "fr", "UKR"), ("qu'Israël", "fr", "ISR"), ("Russia's", "en", "RUS"),
    ("MOSCOU", "fr", "RUS"), ("etats-unis", "fr", "USA"), ("l'Union Européenne", "fr", "IGOEU"),
])
def test_resolution_is_normalised(resolver, text, lang, expected):
    assert code(resolver, text, lang) == expected


# --------------------------------------------------------------------------- extra files


def test_extra_file_adds_actors(tmp_path):
    orgs = tmp_path / "orgs.tsv"
    orgs.write_text(
        "# format: tocsin organisations table\n"
        "code\tname\taliases\tcountry\tsector\tentity_id\n"
        "FRAMED\tOuest-France\tOuest France\tFRA\tMED\t\n",
        encoding="utf-8",
    )
    people = tmp_path / "people.tsv"
    people.write_text(
        "entity_id\tname\taliases\tcountry\tsector\trole\tstart\tend\n"
        "tocsin:test-person\tJeanne Exemple\tExemple\tFRA\tGOV\tforeign_minister\t2030-01-01\t\n",
        encoding="utf-8",
    )
    r = Resolver(load_knowledge_base([orgs, people]))
    assert r.resolve("Ouest-France", lang="fr").code == "FRAMED"  # type: ignore[union-attr]
    actor = r.resolve("la ministre Jeanne Exemple", lang="fr", when=date(2031, 1, 1))
    assert actor is not None and actor.code == "FRAGOV" and actor.entity_id == "tocsin:test-person"
    # the bundled knowledge base is untouched
    bundled = Resolver(load_knowledge_base()).resolve("Ouest-France", lang="fr")
    assert bundled is None or bundled.code != "FRAMED"


def test_extra_file_overrides_a_country(tmp_path):
    extra = tmp_path / "countries.tsv"
    extra.write_text(
        "iso3\tiso2\tname_en\tname_fr\taliases\tadjectives\tcapitals\n"
        "RUS\tRU\tRussia\tRussie\tRus'\trusse|russes|Russian\tMoscou|Moscow|Tver\n",
        encoding="utf-8",
    )
    r = Resolver(load_knowledge_base([extra]))
    assert code(r, "Tver", "fr") == "RUS"


def test_people_fixture_loads_as_extra_file():
    r = Resolver(load_knowledge_base([FIXTURE]))
    actor = r.resolve("Choïgou", lang="fr", when=date(2023, 1, 1))
    assert actor is not None and actor.code == "RUSMIL" and actor.name == "Sergei Shoigu"


def test_malformed_extra_file_names_file_and_line(tmp_path):
    bad = tmp_path / "people.tsv"
    bad.write_text(
        "# a comment\n"
        "entity_id\tname\taliases\tcountry\tsector\trole\tstart\tend\n"
        "\tA Person\t\tFRA\tGOV\tminister\t2020-01-01\t\n"
        "\tB Person\t\tFRA\tGOV\tminister\t2020-13-01\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        load_knowledge_base([bad])
    assert info.value.line == 4
    assert info.value.source == str(bad)
    assert "people.tsv:4" in str(info.value)


@pytest.mark.parametrize("content", [
    "not\ta\tknown\theader\n",
    "code\tname\taliases\tcountry\tsector\tentity_id\nIGOX\tX\t\tFRANCE\tIGO\t\n",
    "lang\tphrase\tsector\tnote\nfr\tarmée\tMIL\tnote\textra cell\n",
])
def test_malformed_files_raise(tmp_path, content):
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError):
        load_knowledge_base([bad])


# --------------------------------------------------------------------------- organisations in power


@pytest.mark.parametrize(("text", "when", "expected"), [
    ("les talibans", date(2020, 2, 29), "AFGREB"),   # the insurgency signing the Doha agreement
    ("les talibans", date(2021, 8, 14), "AFGREB"),
    ("les talibans", date(2021, 8, 15), "AFGGOV"),   # Kabul taken: they govern
    ("the Taliban", date(2025, 9, 21), "AFGGOV"),
    ("HTS", date(2024, 12, 7), "SYRREB"),
    ("Hayat Tahrir al-Cham", date(2025, 1, 10), "SYRGOV"),
    ("les talibans", None, "AFGREB"),                # no date: the organisation's own code
    ("le Hamas", date(2025, 1, 10), "PSEREB"),       # no era: always its own code
])
def test_an_organisation_in_power_is_coded_as_the_government(resolver, text, when, expected):
    actor = resolver.resolve(text, lang="en" if text.startswith("the ") else "fr", when=when)
    assert actor is not None and actor.code == expected
    assert actor.country == expected[:3] and actor.sector == expected[3:]


def test_eras_come_from_an_extra_file_too(tmp_path):
    eras = tmp_path / "eras.tsv"
    eras.write_text(
        "name\tstart\tend\tcode\tnote\n"
        "Hamas\t2007-06-15\t\tPSEGOV\tgoverns the Gaza Strip\n",
        encoding="utf-8",
    )
    r = Resolver(load_knowledge_base([eras]))
    assert code(r, "le Hamas", "fr", when=date(2010, 1, 1)) == "PSEGOV"
    assert code(r, "le Hamas", "fr", when=date(2006, 1, 1)) == "PSEREB"


@pytest.mark.parametrize(("row", "message"), [
    ("Hamas\t2007-06-15\t\tgov\t\n", "bad code"),
    ("Hamas\t2007-06-15\t2007-01-01\tPSEGOV\t\n", "before start"),
    ("No Such Group\t2007-06-15\t\tPSEGOV\t\n", "No Such Group"),
    ("Hamas\t\t\tPSEGOV\t\n", "empty 'start'"),
])
def test_a_bad_era_row_is_refused_with_its_reason(tmp_path, row, message):
    eras = tmp_path / "eras.tsv"
    eras.write_text("name\tstart\tend\tcode\tnote\n" + row, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_knowledge_base([eras])
    assert message.lower() in str(info.value).lower()


# --------------------------------------------------------------------------- the knowledge base itself


def test_knowledge_base_is_immutable_and_cached(kb):
    assert load_knowledge_base() is kb
    with pytest.raises(TypeError):
        kb.countries["XXX"] = kb.countries["RUS"]  # type: ignore[index]
    with pytest.raises(TypeError):
        kb.index[("x",)] = ()  # type: ignore[index]


def test_igo_officials_get_their_organisation(resolver):
    actor = resolver.resolve("Jens Stoltenberg", lang="en", when=date(2020, 1, 1))
    if actor is None:
        pytest.skip("people.tsv has no row for Jens Stoltenberg")
    assert actor.code == "IGONATO" and actor.sector == "IGO"


def test_resolving_is_fast(resolver):
    phrases = [
        ("le chef du ministère de la Défense de Chine Lee Shanfe", "fr"),
        ("les ministres de la défense de la Russie", "fr"), ("Moscou", "fr"),
        ("the Chinese foreign ministry spokesperson Wang Wenbin", "en"),
        ("President Vladimir Putin", "en"), ("les experts militaires chinois", "fr"),
        ("Global Times", "en"), ("l'armée ukrainienne", "fr"), ("the Pentagon", "en"),
        ("Russian troops", "en"),
    ]
    started = time.perf_counter()
    for _ in range(1000):
        for text, lang in phrases:
            resolver.resolve(text, lang=lang, when=date(2023, 4, 20), context=("CHN",))
    assert time.perf_counter() - started < 3.0


def test_stats_count_the_tables(kb):
    stats = kb.stats()
    assert stats["countries"] >= 249
    assert stats["organisations"] >= 100
    assert stats["sector phrases"] >= 500
    assert stats["aliases"] > stats["countries"]
