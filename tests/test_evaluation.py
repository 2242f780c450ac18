"""Evaluation: gold readers, matching rules and metric arithmetic (no models needed)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from factories import make_actor, make_event
from tocsin.errors import DataFileError, InputError
from tocsin.evaluation.gold import (
    GoldEvent,
    GoldItem,
    detect_format,
    gold_digest,
    load_gold,
    read_petrarch_xml,
    read_plover_gsr,
    read_tocsin_jsonl,
)
from tocsin.evaluation.match import (
    NONE_LABEL,
    actor_matches,
    event_matches,
    match_text,
    maximum_matching,
    parse_actor,
)
from tocsin.evaluation.metrics import PRF, confusion_matrix, score, score_by_type
from tocsin.evaluation.report import build_report, error_records
from tocsin.evaluation.runner import match_items


def gold_item(events: list[GoldEvent], acceptable: list[GoldEvent] | None = None, *,
              language: str = "fr", split: str = "dev", fmt: str = "tocsin-jsonl",
              item_id: str = "fr-0001") -> GoldItem:
    return GoldItem(id=item_id, language=language, published=date(2024, 3, 5), text="…", split=split,
                    events=events, acceptable=acceptable or [], source_format=fmt)


def ev(types: str | tuple[str, ...], source: str | None, target: str | None, **kw) -> GoldEvent:
    return GoldEvent(types=(types,) if isinstance(types, str) else types, source=source, target=target, **kw)


# ---------------------------------------------------------------------------- actors


def test_actor_codes_are_split_into_country_sector_or_organisation() -> None:
    assert parse_actor("RUSMIL").country == "RUS"
    assert parse_actor("RUSMIL").sector == "MIL"
    assert parse_actor("FRA").sector is None
    assert parse_actor("IGONATO").org == "IGONATO"
    assert parse_actor("---GOV").kind == "any"
    assert parse_actor(None) is None


def test_actor_match_is_at_country_level() -> None:
    assert actor_matches("RUSMIL", make_actor("RUSGOV"))  # sector does not block
    assert actor_matches("RUS", make_actor("RUSMIL"))
    assert not actor_matches("RUS", make_actor("UKR"))
    assert actor_matches("IGONATO", make_actor("IGONATO"))
    assert not actor_matches("IGONATO", make_actor("IGOEU"))
    assert actor_matches("IGOUN", make_actor("IGOUNHCR"))  # UN agencies are the UN
    assert actor_matches("IGO", make_actor("IGOEU"))  # bare IGO: any organisation


def test_gold_null_matches_only_a_missing_or_unresolved_actor() -> None:
    assert actor_matches(None, None)
    assert actor_matches(None, make_actor(None))  # text only, no code
    assert not actor_matches(None, make_actor("CHN"))
    assert not actor_matches("CHN", None)


# ---------------------------------------------------------------------------- matching rules


def test_symmetric_types_match_in_either_direction() -> None:
    gold = ev("CONSULT", "CHNGOV", "RUSGOV")
    assert event_matches(gold, make_event(type="CONSULT", source="RUSGOV", target="CHNGOV"))
    accuse = ev("ACCUSE", "CHN", "RUS")
    assert event_matches(accuse, make_event(type="ACCUSE", source="CHN", target="RUS"))
    assert not event_matches(accuse, make_event(type="ACCUSE", source="RUS", target="CHN"))


def test_type_may_be_any_of_a_list() -> None:
    gold = ev(("AGREE", "CONSULT"), "RUS", "CHN")
    assert event_matches(gold, make_event(type="AGREE", source="RUS", target="CHN"))
    assert not event_matches(gold, make_event(type="SUPPORT", source="RUS", target="CHN"))


def test_negation_must_agree_unless_unannotated() -> None:
    said_no = ev("CONSULT", "RUS", "CHN", negated=True)
    assert not event_matches(said_no, make_event(negated=False))
    assert event_matches(said_no, make_event(negated=True))
    assert event_matches(ev("CONSULT", "RUS", "CHN", negated=None), make_event(negated=True))


def test_predicted_target_where_gold_has_none_is_not_a_full_match() -> None:
    gold = ev("PROTEST", "RUSOPP", None)
    assert not event_matches(gold, make_event(type="PROTEST", source="RUSOPP", target="RUSGOV"))
    assert event_matches(gold, make_event(type="PROTEST", source="RUSOPP", target=None))


def test_acceptable_predictions_are_neither_true_nor_false_positives() -> None:
    item = gold_item([ev("PROTEST", "RUSOPP", None)],
                     acceptable=[ev("PROTEST", "RUSOPP", "RUSGOV")])
    m = match_text(item, [make_event(type="PROTEST", source="RUSOPP", target="RUSGOV")])
    assert m.full == {} and m.false_positives == [] and m.ignored == [0]
    assert m.misses == [0]
    s = score([m])
    assert (s["event_tp"], s["event_fp"], s["event_fn"]) == (0, 0, 1)
    assert s["ignored_acceptable"] == 1


def test_each_gold_event_is_matched_at_most_once() -> None:
    item = gold_item([ev("ASSAULT", "RUS", "UKR")])
    twice = [make_event(type="ASSAULT", source="RUSMIL", target="UKR", trigger_span=(0, 1)),
             make_event(type="ASSAULT", source="RUS", target="UKRMIL", trigger_span=(5, 9))]
    m = match_text(item, twice)
    assert len(m.full) == 1 and len(m.false_positives) == 1


def test_matching_is_maximum_not_order_dependent() -> None:
    # gold 0 fits preds 0 and 1, gold 1 fits only pred 0: a greedy pass would leave gold 1 out
    edges = {(0, 0), (0, 1), (1, 0)}
    pairs = maximum_matching(2, 2, lambda g, p: (g, p) in edges)
    assert pairs == {0: 1, 1: 0}


def test_sector_is_reported_but_does_not_block_the_full_match() -> None:
    item = gold_item([ev("ACCUSE", "RUSMIL", "UKRGOV")])
    m = match_text(item, [make_event(type="ACCUSE", source="RUSGOV", target="UKRGOV")])
    assert m.full == {0: 0}
    s = score([m])
    assert s["source_country_accuracy"] == 1.0
    assert s["source_sector_accuracy"] == 0.0 and s["source_sector_n"] == 1
    assert s["target_sector_accuracy"] == 1.0


def test_actor_accuracy_is_measured_on_type_aligned_pairs() -> None:
    item = gold_item([ev("ASSAULT", "RUS", "UKR")])
    m = match_text(item, [make_event(type="ASSAULT", source="RUS", target="POL")])
    assert m.full == {} and m.type_pairs == {0: 0}
    s = score([m])
    assert s["type_tp"] == 1 and s["event_tp"] == 0
    assert s["source_country_accuracy"] == 1.0 and s["target_country_accuracy"] == 0.0


def test_negation_accuracy_uses_pairs_that_agree_on_everything_else() -> None:
    item = gold_item([ev("CONSULT", "RUS", "CHN", negated=True), ev("AID", "USA", "UKR", negated=False)])
    preds = [make_event(negated=False), make_event(type="AID", source="USA", target="UKR", negated=False)]
    m = match_text(item, preds)
    s = score([m])
    assert s["negation_n"] == 2 and s["negation_accuracy"] == 0.5
    assert s["negation_recall"] == 0.0 and s["negation_precision"] is None
    assert s["event_tp"] == 1 and s["event_fn"] == 1 and s["event_fp"] == 1


def test_cameo_gold_compares_roots() -> None:
    item = gold_item([GoldEvent(types=(), source="RUS", target="CHN", cameo_root="04")], fmt="petrarch-xml")
    m = match_text(item, [make_event(cameo="042", type="CONSULT")])
    assert m.full == {0: 0}
    m = match_text(item, [make_event(cameo="036", type="AGREE")])
    assert m.full == {} and m.confusion == [("04", "03")]


# ---------------------------------------------------------------------------- metrics


def test_precision_and_recall_are_not_swapped() -> None:
    # 1 hit, 3 false positives, 0 misses: precision 1/4, recall 1/1
    item = gold_item([ev("ACCUSE", "CHN", "USA")])
    preds = [make_event(type="ACCUSE", source="CHN", target="USA", trigger_span=(0, 1)),
             make_event(type="SANCTION", source="CHN", target="USA", trigger_span=(2, 3)),
             make_event(type="THREATEN", source="CHN", target="USA", trigger_span=(4, 5)),
             make_event(type="REJECT", source="CHN", target="USA", trigger_span=(6, 7))]
    s = score([match_text(item, preds)])
    assert s["event_precision"] == pytest.approx(0.25)
    assert s["event_recall"] == pytest.approx(1.0)
    assert s["event_f1"] == pytest.approx(0.4)


def test_prf_arithmetic_and_empty_denominators() -> None:
    prf = PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    empty = PRF(0, 0, 0)
    assert empty.precision is None and empty.recall is None and empty.f1 is None


def test_type_metrics_use_multisets_per_text() -> None:
    item = gold_item([ev("ASSAULT", "RUS", "UKR"), ev("ASSAULT", "RUS", "UKR", negated=None)])
    m = match_text(item, [make_event(type="ASSAULT", source="UKR", target="RUS")])
    s = score([m])
    assert (s["type_tp"], s["type_fp"], s["type_fn"]) == (1, 0, 1)
    assert (s["event_tp"], s["event_fp"], s["event_fn"]) == (0, 1, 2)


def test_texts_with_no_events_count_false_positives_only() -> None:
    s = score([match_text(gold_item([]), [make_event()])])
    assert (s["event_tp"], s["event_fp"], s["event_fn"]) == (0, 1, 0)
    assert s["event_precision"] == 0.0 and s["event_recall"] is None


def test_per_type_scores_and_confusion() -> None:
    items = [gold_item([ev("ACCUSE", "CHN", "USA")], item_id="a"),
             gold_item([ev("CONSULT", "RUS", "CHN")], item_id="b")]
    preds = [[make_event(type="THREATEN", source="CHN", target="USA")],
             [make_event(type="CONSULT", source="CHN", target="RUS")]]
    matches = match_items(items, preds)
    by_type = score_by_type(matches)
    assert by_type["CONSULT"]["event_tp"] == 1
    assert by_type["ACCUSE"]["event_fn"] == 1 and by_type["THREATEN"]["event_fp"] == 1
    matrix = confusion_matrix(matches)
    assert matrix["ACCUSE"] == {"THREATEN": 1}
    assert matrix["CONSULT"] == {"CONSULT": 1}
    assert NONE_LABEL not in matrix


def test_report_groups_and_errors() -> None:
    items = [gold_item([ev("ACCUSE", "CHN", "USA")], language="en", item_id="en-1"),
             gold_item([], language="fr", split="test", item_id="fr-1")]
    preds = [[], [make_event(type="SANCTION", pattern="fr.n.sanction", trigger="sanctions")]]
    report = build_report(match_items(items, preds), split="all", errors=True)
    assert set(report["by_language"]) == {"en", "fr"}
    assert set(report["by_split"]) == {"dev", "test"}
    assert report["by_language"]["en"]["event_recall"] == 0.0
    kinds = {(e["id"], e["kind"]) for e in report["errors"]}
    assert kinds == {("en-1", "miss"), ("fr-1", "false_positive")}
    fp = next(e for e in error_records(match_items(items, preds)) if e["kind"] == "false_positive")
    assert fp["event"]["pattern"] == "fr.n.sanction" and fp["event"]["trigger"] == "sanctions"
    json.dumps(report)  # JSON-ready


# ---------------------------------------------------------------------------- readers


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


GOOD_LINE = {
    "id": "fr-0001", "split": "dev", "language": "fr", "published": "2024-03-05",
    "text": "Poutine a rencontré Xi à Moscou.", "tags": ["visit"],
    "events": [{"type": "CONSULT", "source": "RUSGOV", "target": "CHNGOV", "negated": False,
                "modality": "asserted", "attribution": None}],
    "acceptable": [{"type": ["AGREE", "COOPERATE"], "source": "RUS", "target": "CHN"}],
}


def test_tocsin_jsonl_reader(tmp_path: Path) -> None:
    test_line = dict(GOOD_LINE, id="fr-0002", split="test", events=[])
    path = write_jsonl(tmp_path / "fr.jsonl", [GOOD_LINE, "", test_line])
    items = read_tocsin_jsonl(path)
    assert [i.id for i in items] == ["fr-0001", "fr-0002"]
    first = items[0]
    assert first.published == date(2024, 3, 5) and first.language == "fr" and first.tags == ("visit",)
    assert first.events == [GoldEvent(("CONSULT",), "RUSGOV", "CHNGOV", False, "asserted", None)]
    assert first.acceptable[0].types == ("AGREE", "COOPERATE")
    assert first.origin.endswith("fr.jsonl:1")
    assert [i.id for i in load_gold([tmp_path], split="test")] == ["fr-0002"]
    assert len(load_gold([path], split="all")) == 2


@pytest.mark.parametrize(("bad", "message"), [
    ('{"id": "x", "text": "t", "language": "fr", "events": [', "invalid JSON"),
    (dict(GOOD_LINE, events=[{"type": "MEET", "source": "RUS", "target": None}]), "unknown PLOVER type"),
    (dict(GOOD_LINE, events=[{"type": "CONSULT", "source": "Russia", "target": None}]), "not an actor code"),
    (dict(GOOD_LINE, events=[{"source": "RUS"}]), "missing 'type'"),
    (dict(GOOD_LINE, split="train"), "split"),
    (dict(GOOD_LINE, events=None), "'events' must be a list"),
    (dict(GOOD_LINE, published="5 mars"), "not a date"),
    (dict(GOOD_LINE, events=[dict(GOOD_LINE["events"][0], negated="no")]), "negated"),
    ({k: v for k, v in GOOD_LINE.items() if k != "text"}, "'text'"),
])
def test_malformed_gold_lines_name_file_and_line(tmp_path: Path, bad: object, message: str) -> None:
    ok = dict(GOOD_LINE, id="fr-0000")
    path = write_jsonl(tmp_path / "fr.jsonl", [ok, bad])
    with pytest.raises(DataFileError) as info:
        read_tocsin_jsonl(path)
    assert info.value.line == 2
    assert info.value.source == str(path)
    assert message in info.value.message
    assert f"{path}:2" in str(info.value)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "fr.jsonl", [GOOD_LINE, GOOD_LINE])
    with pytest.raises(DataFileError, match="duplicate id"):
        read_tocsin_jsonl(path)


PETR_XML = """<Validation>
<!-- comment -->
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GONGOV" eventcode="064"></EventCoding>
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="903"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties
with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="DEMO-01" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950103" id="DEMO-02" category="DEMO" sentence="true">
<EventCoding sourcecode="USAGOV" targetcode="---" eventcode="1712"></EventCoding>
<Text>The government razed the houses.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_petrarch_reader(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(PETR_XML, encoding="utf-8")
    assert detect_format(path) == "petrarch-xml"
    items = read_petrarch_xml(path)
    assert [i.id for i in items] == ["DEMO-00", "DEMO-01", "DEMO-02"]
    first = items[0]
    assert first.text == "Arnor is about to restore full diplomatic ties with Gondor."
    assert first.published == date(1995, 1, 1) and first.language == "en" and first.split == "dev"
    assert first.events == [GoldEvent(types=(), source="ARN", target="GONGOV", cameo_root="06")]
    assert first.skipped_events == 1 and len(first.acceptable) == 1 and first.acceptable[0].any_type
    assert first.origin.endswith("records.xml:4")
    assert items[1].events == []
    assert items[2].events[0].cameo_root == "17"
    # the unknown-country wildcard matches any predicted target
    m = match_text(items[2], [make_event(type="COERCE", cameo="1712", source="USAGOV", target="PSE")])
    assert m.full == {0: 0}


def test_petrarch_reader_refuses_entities(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE v [<!ENTITY a "aaaa">]>\n<Validation>&a;</Validation>\n',
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="DTD") as info:
        read_petrarch_xml(path)
    assert info.value.line == 2


def test_petrarch_reader_reports_malformed_xml_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<Validation>\n<Sentences>\n<Sentence id='x'>\n</Validation>\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="malformed XML") as info:
        read_petrarch_xml(path)
    assert info.value.line == 4


GSR = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "documentation"},
    {"id": "GSR-1", "date": "2000-01-01", "event": "DEMAND", "language": "en",
     "text": "Poland's parliament  demanded an admission by Moscow.",
     "source": [{"actorText": "Poland's parliament", "code": "POL", "sector": "LEG"}],
     "target": [{"actorText": "Moscow", "code": "RUS"}]},
    {"id": "GSR-2", "date": "2000-01-01", "event": "AGREE", "language": "en",
     "text": "Senior Hungarian and Romanian officials agreed to cooperate.",
     "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"},
                {"actorText": "Romanian", "code": "ROU", "sector": "GOV"}], "target": ""},
    {"id": "GSR-3", "date": "2000-01-01", "event": "FIGHT", "language": "en",
     "text": "Poland's parliament demanded an admission by Moscow.",
     "source": [{"actorText": "x", "code": "JAP"}], "target": [{"actorText": "y", "code": "IGO", "sector": "MIL"}]},
]


def test_plover_gsr_reader(tmp_path: Path) -> None:
    path = tmp_path / "PLOVER_GSR_CAMEO.txt"
    path.write_text(json.dumps(GSR), encoding="utf-8")
    assert detect_format(path) == "plover-gsr"
    items = read_plover_gsr(path)
    assert len(items) == 2  # records with the same text are merged
    poland = items[0]
    assert poland.events == [GoldEvent(("REQUEST",), "POLLEG", "RUS"), GoldEvent(("ASSAULT",), "JPN", "IGO")]
    assert "plover-0.5b1:DEMAND" in poland.tags and poland.split == "dev"
    hungary = items[1]
    assert hungary.events == [GoldEvent(("AGREE",), "HUNGOV", "ROUGOV")]


def test_plover_gsr_reader_rejects_unknown_labels(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([dict(GSR[1], event="PONDER")]), encoding="utf-8")
    with pytest.raises(DataFileError, match="GSR-1"):
        read_plover_gsr(path)


def test_load_gold_errors_and_digest(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_gold([tmp_path / "missing.jsonl"])
    with pytest.raises(InputError, match="unknown split"):
        load_gold([], split="train")
    a = write_jsonl(tmp_path / "a.jsonl", [GOOD_LINE])
    b = write_jsonl(tmp_path / "b.jsonl", [dict(GOOD_LINE, id="x")])
    assert gold_digest([b, a]) == gold_digest([tmp_path])
    before = gold_digest([tmp_path])
    write_jsonl(b, [dict(GOOD_LINE, id="y")])
    assert gold_digest([tmp_path]) != before
