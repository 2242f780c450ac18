"""The bundled PLOVER/CAMEO ontology."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tocsin.errors import DataFileError
from tocsin.ontology import (
    CODE_DEFAULTS,
    DATA_DIR,
    PLOVER_TYPES,
    PloverMapping,
    load_ontology,
    read_ontology,
)

EXPECTED_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_sixteen_types(onto):
    assert onto.types == EXPECTED_TYPES
    assert PLOVER_TYPES == EXPECTED_TYPES
    assert len(set(onto.types)) == 16


def test_load_is_cached():
    assert load_ontology() is load_ontology()


@pytest.mark.parametrize(
    ("ptype", "quad", "symmetric", "requires_target"),
    [
        ("CONSULT", 1, True, False),
        ("AGREE", 1, True, False),
        ("COOPERATE", 2, True, True),
        ("AID", 2, False, True),
        ("ACCUSE", 3, False, False),
        ("SANCTION", 4, False, True),
        ("ASSAULT", 4, False, False),
    ],
)
def test_type_info(onto, ptype, quad, symmetric, requires_target):
    info = onto.type_info(ptype)
    assert info.quad_class == quad
    assert info.symmetric is symmetric
    assert info.requires_target is requires_target
    assert onto.is_symmetric(ptype) is symmetric
    assert info.description


def test_modes_from_manual(onto):
    assert onto.type_info("CONSULT").modes == ("visit", "third-party", "multilateral", "phone")
    assert "ceasefire" in onto.type_info("RETREAT").modes
    assert onto.type_info("REQUEST").modes == onto.type_info("REJECT").modes
    assert "arrest" in onto.type_info("COERCE").modes
    assert onto.type_info("AGREE").modes == ()


def test_unknown_type_lookup(onto):
    with pytest.raises(KeyError):
        onto.type_info("HUG")


@pytest.mark.parametrize(
    ("code", "quad"),
    [("01", 1), ("043", 1), ("057", 1), ("06", 2), ("0874", 2), ("09", 2),
     ("112", 3), ("141", 3), ("15", 4), ("163", 4), ("190", 4), ("2042", 4)],
)
def test_quad_class_from_root(onto, code, quad):
    assert onto.quad_class(code) == quad


def test_quad_class_rejects_non_codes(onto):
    with pytest.raises(ValueError):
        onto.quad_class("99")
    with pytest.raises(ValueError):
        onto.quad_class("abc")


@pytest.mark.parametrize(
    ("code", "value"),
    [("190", -10.0), ("040", 1.0), ("043", 2.8), ("051", 3.4), ("112", -2.0),
     ("163", -8.0), ("173", -5.0), ("0874", 10.0), ("106", -5.0)],
)
def test_goldstein(onto, code, value):
    assert onto.goldstein(code) == value


def test_goldstein_falls_back_to_parent(onto):
    assert onto.goldstein("0409") == onto.goldstein("040")
    assert onto.goldstein("1999") == onto.goldstein("19")
    assert onto.goldstein("99") == 0.0


def test_codes_keep_leading_zeros(onto):
    assert "043" in onto.codes
    assert all(code.isdigit() and 2 <= len(code) <= 4 for code in onto.codes)
    for root in range(1, 21):
        assert f"{root:02d}" in onto.codes
    assert onto.cameo_name("043") == "Host a visit"
    assert onto.cameo_name("43") == "Host a visit"  # dropped leading zero restored
    assert onto.cameo_name("044") == "Meet at a 'third' location"
    assert onto.cameo_name("106") == "Demand withdrawal"
    assert onto.cameo_name("0999") is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("041", PloverMapping("CONSULT", "phone", ())),
        ("042", PloverMapping("CONSULT", "visit", ())),
        ("0871", PloverMapping("RETREAT", "ceasefire", ("military",))),
        ("1121", PloverMapping("ACCUSE", "allege", ("crime", "corruption"))),
        ("173", PloverMapping("COERCE", "arrest", ("legal",))),
        ("163", PloverMapping("SANCTION", "discontinue", ("diplomatic",))),
        ("186", PloverMapping("ASSAULT", "targeted", ())),
        ("0256", PloverMapping("REQUEST", "yield", ("military",))),
    ],
)
def test_plover_for_cameo(onto, code, expected):
    assert onto.plover_for_cameo(code) == expected


def test_plover_for_cameo_parent_fallback(onto):
    # 0415 is not a CAMEO code; its nearest mapped parent is 041
    assert onto.plover_for_cameo("0415") == onto.plover_for_cameo("041")
    assert onto.plover_for_cameo("1999").type == "ASSAULT"
    # CAMEO 01 (public statements) has no PLOVER type
    assert onto.plover_for_cameo("010") is None


@pytest.mark.parametrize(
    ("ptype", "code"),
    [("CONSULT", "040"), ("AGREE", "030"), ("SUPPORT", "051"), ("CONCEDE", "080"),
     ("COOPERATE", "060"), ("AID", "070"), ("RETREAT", "087"), ("REQUEST", "100"),
     ("ACCUSE", "112"), ("REJECT", "120"), ("THREATEN", "130"), ("PROTEST", "140"),
     ("SANCTION", "160"), ("MOBILIZE", "150"), ("COERCE", "170"), ("ASSAULT", "190")],
)
def test_cameo_for_plover_defaults(onto, ptype, code):
    assert onto.cameo_for_plover(ptype) == code


def test_cameo_for_plover_is_consistent(onto):
    for ptype in onto.types:
        for mode in (None, *onto.type_info(ptype).modes):
            code = onto.cameo_for_plover(ptype, mode)
            assert onto.is_cameo(code), (ptype, mode, code)
            assert onto.plover_for_cameo(code).type == ptype, (ptype, mode, code)
    assert onto.cameo_for_plover("CONSULT", "phone") == "041"
    assert onto.cameo_for_plover("RETREAT", "release") == "0841"
    for (ptype, _mode), code in CODE_DEFAULTS.items():
        assert onto.plover_for_cameo(code).type == ptype


def test_validate(onto):
    onto.validate("CONSULT", "visit", "042")
    onto.validate("ASSAULT", None, "190")
    with pytest.raises(DataFileError, match="PLOVER type"):
        onto.validate("HUG", None, "040")
    with pytest.raises(DataFileError, match="CAMEO"):
        onto.validate("CONSULT", None, "0999")
    with pytest.raises(DataFileError, match="mode"):
        onto.validate("CONSULT", "riot", "040")
    with pytest.raises(DataFileError) as info:
        onto.validate("CONSULT", None, "999", source="x.tsv", line=7)
    assert info.value.code == "E301"
    assert "x.tsv:7" in str(info.value)


def test_bundled_files_have_header_block():
    for name in ("plover_types.tsv", "cameo_codes.tsv", "cameo_plover.tsv"):
        text = (DATA_DIR / name).read_text(encoding="utf-8")
        head = [line for line in text.splitlines() if line.startswith("#")]
        joined = "\n".join(head)
        assert "# format:" in joined and "# version:" in joined and "# provenance:" in joined


def test_malformed_ontology_names_file_and_line(tmp_path: Path):
    for name in ("plover_types.tsv", "cameo_codes.tsv", "cameo_plover.tsv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    path = tmp_path / "cameo_plover.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = next(i for i, line in enumerate(lines) if line.startswith("042\t"))
    lines[bad] = "042\tVISIT\tvisit\t"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_ontology(tmp_path)
    assert info.value.line == bad + 1
    assert "cameo_plover.tsv" in str(info.value)
    assert "VISIT" in str(info.value)
