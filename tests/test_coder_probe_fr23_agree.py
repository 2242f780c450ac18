"""French agreements, refusals and look-alikes written in the style of wire sentences."""

from __future__ import annotations

from datetime import date

import pytest

import tocsin
from factories import Dyad, dyads_of

_PUBLISHED = date(2024, 6, 1)


def _events(text: str) -> set[Dyad]:
    """The (type, source, target) triples coded from one French text."""
    return set(dyads_of(tocsin.code_texts(text, language="fr", published=_PUBLISHED)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the adjective of a list's second name, tagged as part of the first name
        ("L'Iran et l'Arabie saoudite ont convenu mardi de rouvrir leurs ambassades.",
         ("AGREE", "IRN", "SAU")),
        ("L'Égypte et l'Arabie saoudite ont convenu jeudi de renforcer leur coordination.",
         ("AGREE", "EGY", "SAU")),
        # vetoes cast and lifted, praise and a refused mediation
        ("Les États-Unis ont opposé jeudi leur veto au projet de résolution présenté par l'Algérie.",
         ("REJECT", "USA", "IGOUN")),
        ("La Turquie a levé mardi son veto à l'adhésion de la Suède à l'OTAN.", ("CONCEDE", "TUR", "SWE")),
        ("Le ministre chinois des Affaires étrangères a salué jeudi les efforts de l'Égypte.",
         ("SUPPORT", "CHNGOV", "EGY")),
        ("Le Niger a refusé mardi la médiation de l'Algérie.", ("REJECT", "NER", "DZA")),
        # restrictions eased "sur" a country's goods: the country is the recipient
        ("Washington a allégé mercredi les restrictions sur le pétrole vénézuélien.", ("CONCEDE", "USA", "VEN")),
    ],
)
def test_agreement_refusal_and_praise_are_coded(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Renault et le constructeur chinois Geely ont conclu mercredi un accord sur les moteurs hybrides.",
        "Le Real Madrid a battu le Borussia Dortmund samedi en finale de la Ligue des champions.",
        "Le chanteur a trouvé un accord avec sa maison de disques sur les droits de ses albums.",
    ],
)
def test_lookalikes_give_no_event(text: str) -> None:
    assert _events(text) == set()
