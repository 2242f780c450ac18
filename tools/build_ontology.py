"""Regenerate tocsin's ontology tables from the reference files.

Usage::

    python tools/build_ontology.py [REFERENCE_DIR] [OUTPUT_DIR]

REFERENCE_DIR defaults to ``../shared/reference`` next to the repository and
must hold ``CAMEO.eventcodes.txt``, ``CAMEO.goldsteinscale.txt``,
``CAMEO2PLOVER-2021.txt`` and ``PLOVER_MANUAL.tex``. OUTPUT_DIR defaults to
``src/tocsin/ontology/data``. The generated files are checked in; this tool is
only needed when the reference data changes.

The reference tables have a few defects that are repaired here:

* the code table carries quad-class rows (``1`` .. ``4``) that are not CAMEO codes;
* one code table line holds two entries (``1056`` and a run-on ``106``);
* one name has mangled quotation marks (``044``) and one a missing space (``2041``);
* codes that lost their leading zero are restored when the zero-padded code exists;
* the CAMEO→PLOVER table maps ``163`` (sanctions) to COERCE where the manual codes
  sanctions as SANCTION 'discontinue', and lists some codes under the wrong root heading, repeats
  ``175``, uses modes the manual has since retired, and puts a context in the
  mode column of ``175``; those are normalised to the manual's mode names.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tocsin.ontology import PLOVER_TYPES, root_quad_class

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
DEFAULT_OUTPUT = REPO / "src" / "tocsin" / "ontology" / "data"

VERSION = "1"
PLOVER_REPO = "openeventdata/PLOVER @ 5e0c24f"
PLOVER_LICENCE = "CC BY-SA 4.0 (Open Event Data Alliance)"

TYPES = PLOVER_TYPES
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
QUAD_NAMES = {
    "VERBAL COOPERATION": 1,
    "MATERIAL COOPERATION": 2,
    "VERBAL CONFLICT": 3,
    "MATERIAL CONFLICT": 4,
}

#: One-line summaries of each PLOVER type, written for tocsin.
DESCRIPTIONS = {
    "AGREE": "Commit to, offer or promise cooperation, including future meetings and signings.",
    "CONSULT": "Meet, visit, host, telephone or negotiate with another party.",
    "SUPPORT": "Back, praise, endorse or recognise another party; sign or ratify an accord.",
    "CONCEDE": "Make a verbal concession: ease restrictions, pardon, apologise, announce a pullback.",
    "COOPERATE": "Carry out joint material cooperation that benefits both sides.",
    "AID": "Give material help (money, arms, relief, asylum) that mainly benefits the recipient.",
    "RETREAT": "Carry out a material concession: withdraw, release, disarm, cease fire, resign.",
    "REQUEST": "Ask for, appeal for, demand or order something from another party.",
    "ACCUSE": "Criticise, condemn, accuse, sue or investigate another party.",
    "REJECT": "Refuse, turn down or veto a proposal, demand or agreement.",
    "THREATEN": "Warn of or threaten harmful action such as force, sanctions or a break in ties.",
    "PROTEST": "Take part in collective public dissent: demonstrations, riots, strikes, boycotts.",
    "SANCTION": "Cut back existing relations: sanctions, expulsions, withdrawals, broken ties.",
    "MOBILIZE": "Show or raise military or police readiness short of using force.",
    "COERCE": "Repress or restrict without violence: arrests, seizures, bans, curfews, blockades.",
    "ASSAULT": "Use violence that can cause serious physical harm: attacks, killings, bombings.",
}

#: Names in the GDELT code table that need repair.
NAME_FIXES = {
    "044": "Meet at a 'third' location",
    "2041": "Use chemical, biological, or radiological weapons",
}

#: Modes in the mapping table that the manual no longer uses, per type: old → new ("" drops it).
MODE_FIXES = {
    ("RETREAT", "return"): "",
    ("RETREAT", "ease"): "",
    ("THREATEN", "ban"): "restrict",
    ("THREATEN", "political"): "restrict",
    ("COERCE", "ban"): "restrict",
    ("ASSAULT", "seize"): "destroy",
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "cleansing"): "",
}
#: Rows the manual overrides: it codes international sanctions as SANCTION 'discontinue'.
ROW_FIXES = {"163": ("SANCTION", "discontinue", "diplomatic")}

#: Context labels found in the mode column of the mapping table.
MISPLACED_CONTEXTS = frozenset({"pro_autocracy"})

#: CAMEO 02 (APPEAL) is absent from the mapping table; PLOVER folds appeals into
#: REQUEST, so tocsin maps them with the REQUEST modes used for the matching demands (10x).
APPEAL_MODES = {
    "020": "", "021": "assist", "022": "assist", "023": "assist",
    "024": "change", "025": "yield", "026": "meet", "027": "meet", "028": "meet",
}
APPEAL_CONTEXTS = {
    "0211": "economic", "0212": "military", "0213": "legal", "0214": "intelligence",
    "022": "diplomatic", "0231": "economic", "0232": "military", "0233": "humanitarian",
    "0234": "peacekeeping", "024": "political_institutions", "0241": "executive",
    "0242": "executive", "0243": "rights_freedoms", "0244": "political_institutions",
    "0251": "legal", "0252": "legal", "0253": "legal", "0254": "economic",
    "0255": "diplomatic", "0256": "military", "026": "diplomatic", "027": "diplomatic",
    "028": "diplomatic",
}

CODE_RE = re.compile(r"^\d{2,4}$")
RUN_ON_RE = re.compile(r"^(?P<name>.*?)(?P<code>\d{2,4}):\[(?P<gs>-?\d+(?:\.\d+)?)\]\s*(?P<name2>.*)$")


class ReferenceError(Exception):
    """A reference file cannot be read as expected."""


@dataclass(frozen=True)
class TypeRow:
    name: str
    quad_class: int
    symmetric: bool
    requires_target: bool
    modes: tuple[str, ...]
    description: str


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _clean(text: str) -> str:
    return " ".join(text.split())


def _quad_of(code: str) -> int:
    quad = root_quad_class(code)
    if quad is None:
        raise ReferenceError(f"code {code!r} has no CAMEO root")
    return quad


def read_codes(path: Path) -> tuple[dict[str, str], dict[str, float]]:
    """CAMEO names by code, and any Goldstein values found inline (run-on lines)."""
    names: dict[str, str] = {}
    inline_gs: dict[str, float] = {}
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip() or number == 1:
            continue
        code, _, name = line.partition("\t")
        code = code.strip()
        if re.fullmatch(r"\d", code):
            continue  # quad-class row, not a CAMEO code
        if not CODE_RE.match(code):
            raise ReferenceError(f"{path}:{number}: not a CAMEO code: {code!r}")
        match = RUN_ON_RE.match(name)
        if match:
            names[code] = _clean(match["name"])
            names[match["code"]] = _clean(match["name2"])
            inline_gs[match["code"]] = float(match["gs"])
            continue
        names[code] = _clean(name)
    for code, fixed in NAME_FIXES.items():
        names[code] = fixed
    return names, inline_gs


def _normalise_code(code: str, known: Iterable[str]) -> str:
    known_set = set(known)
    if code in known_set:
        return code
    for padded in ("0" + code, "00" + code):
        if padded in known_set:
            return padded
    return code


def read_goldstein(path: Path, known: dict[str, str]) -> dict[str, float]:
    values: dict[str, float] = {}
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip() or number == 1:
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ReferenceError(f"{path}:{number}: expected two columns")
        code = _normalise_code(parts[0].strip(), known)
        try:
            values[code] = float(parts[1])
        except ValueError as exc:
            raise ReferenceError(f"{path}:{number}: bad Goldstein value {parts[1]!r}") from exc
    return values


def read_manual(path: Path) -> dict[str, TypeRow]:
    """Quad class, recipient requirement and modes of each type, from the manual."""
    text = path.read_text(encoding="utf-8")
    # drop LaTeX comments (a % not escaped by a backslash, to the end of the line)
    text = "\n".join(re.sub(r"(?<!\\)%.*$", "", ln) for ln in text.split("\n"))
    chapter = text.split("\\chapter{Event Categories}", 1)[1]
    sections = re.split(r"\\section\{([A-Z]+)\}", chapter)
    rows: dict[str, TypeRow] = {}
    for i in range(1, len(sections) - 1, 2):
        name, body = sections[i], sections[i + 1]
        if name not in TYPES:
            continue
        quad = re.search(r"Quad category:\s*([A-Z ]+)\}", body)
        recip = re.search(r"Requires recipient:\s*(Yes|No)", body)
        if not quad or not recip:
            raise ReferenceError(f"{path}: section {name} lacks a quad category or recipient line")
        modes: list[str] = []
        for table in re.finditer(r"\\begin\{tabular\}.*?\\end\{tabular\}", body, re.S):
            for raw in table.group(0).split("\\\\"):
                cells = raw.replace("\\hline", "").strip().split("&")
                if len(cells) < 2:
                    continue
                mode = cells[0].strip()
                if not mode or mode == "Name" or mode.startswith("\\"):
                    continue
                modes.append(mode)
        rows[name] = TypeRow(
            name=name,
            quad_class=QUAD_NAMES[_clean(quad.group(1))],
            symmetric=name in SYMMETRIC,
            requires_target=recip.group(1) == "Yes",
            modes=tuple(modes),
            description=DESCRIPTIONS[name],
        )
    missing = [t for t in TYPES if t not in rows]
    if missing:
        raise ReferenceError(f"{path}: no section for {', '.join(missing)}")
    return rows


def read_mapping(path: Path, types: dict[str, TypeRow],
                 names: dict[str, str],
                 dropped: list[str]) -> dict[str, tuple[str, str, str]]:
    """CAMEO code → (type, mode, context); first row wins for repeated codes.

    Codes absent from the CAMEO code table are skipped and listed in ``dropped``.
    """
    mapping: dict[str, tuple[str, str, str]] = {}
    for number, line in enumerate(_lines(path), start=1):
        body = line.split("#", 1)[0].strip()
        if not body or body.startswith("~"):
            continue
        code, sep, rest = body.partition(":")
        code = code.strip()
        if not sep or not CODE_RE.match(code):
            raise ReferenceError(f"{path}:{number}: cannot read {line!r}")
        cells = [c.strip() for c in rest.split(",")]
        cells += [""] * (3 - len(cells))
        ptype, mode, context = cells[0], cells[1], cells[2]
        if ptype not in types:
            raise ReferenceError(f"{path}:{number}: unknown PLOVER type {ptype!r}")
        contexts = [c.strip() for c in context.split(";") if c.strip()]
        if mode in MISPLACED_CONTEXTS:
            contexts.insert(0, mode)
            mode = ""
        mode = MODE_FIXES.get((ptype, mode), mode)
        if mode and mode not in types[ptype].modes:
            raise ReferenceError(f"{path}:{number}: mode {mode!r} is not a {ptype} mode")
        if code not in names:
            dropped.append(code)  # e.g. 1213, 1214: not CAMEO codes
            continue
        if code in mapping:
            continue  # a later duplicate (root 08 is listed twice, 175 twice)
        mapping[code] = ROW_FIXES.get(code, (ptype, mode, "|".join(dict.fromkeys(contexts))))
    for code in names:
        if code.startswith("02"):
            base = code[:3]
            mapping.setdefault(code, ("REQUEST", APPEAL_MODES.get(base, ""),
                                      APPEAL_CONTEXTS.get(code, APPEAL_CONTEXTS.get(base, ""))))
    return mapping


def _header(kind: str, columns: Iterable[str], provenance: list[str]) -> list[str]:
    out = [
        f"# format: tocsin {kind} table, UTF-8 TSV, one header row then one row per entry",
        f"# version: {VERSION}",
    ]
    out += [f"# provenance: {p}" for p in provenance]
    out.append("# generated by tools/build_ontology.py; edit the tool, not this file")
    out.append("\t".join(columns))
    return out


def write_tables(reference: Path, output: Path) -> dict[str, int]:
    names, inline_gs = read_codes(reference / "CAMEO.eventcodes.txt")
    goldstein = read_goldstein(reference / "CAMEO.goldsteinscale.txt", names)
    for code, value in inline_gs.items():
        goldstein.setdefault(code, value)
    types = read_manual(reference / "PLOVER_MANUAL.tex")
    dropped: list[str] = []
    mapping = read_mapping(reference / "CAMEO2PLOVER-2021.txt", types, names, dropped)

    for code in names:
        _quad_of(code)
    unknown = sorted(set(goldstein) - set(names))
    if unknown:
        raise ReferenceError(f"Goldstein values for codes with no name: {', '.join(unknown)}")

    output.mkdir(parents=True, exist_ok=True)
    manual_src = f"PLOVER_MANUAL.tex ({PLOVER_REPO}), licence {PLOVER_LICENCE}"
    lines = _header("PLOVER type", ["type", "quad_class", "symmetric", "requires_target",
                                    "modes", "description"], [
        f"quad class, recipient requirement and modes from {manual_src}",
        "descriptions written for tocsin; symmetric marks types whose actors act jointly",
    ])
    for t in TYPES:
        row = types[t]
        lines.append("\t".join([row.name, str(row.quad_class), "1" if row.symmetric else "0",
                                "1" if row.requires_target else "0", "|".join(row.modes),
                                row.description]))
    (output / "plover_types.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = _header("CAMEO code", ["code", "name", "goldstein"], [
        "names from CAMEO.eventcodes.txt (GDELT lookup table, copy in AlifCor/media-focus), public reference table",
        "Goldstein values from CAMEO.goldsteinscale.txt (GDELT lookup table, copy in mpiccirilli/UNDP-BCPR-Project), public reference table",
        "repaired: quad-class rows dropped, run-on entry 106 split out, names of 044 and 2041 fixed",
        "goldstein is empty where the source has no value",
    ])
    for code in sorted(names):
        gs = goldstein.get(code)
        lines.append("\t".join([code, names[code], "" if gs is None else f"{gs:.1f}"]))
    (output / "cameo_codes.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = _header("CAMEO to PLOVER", ["cameo", "type", "mode", "context"], [
        f"CAMEO2PLOVER-2021.txt (draft 0.8, {PLOVER_REPO}), licence {PLOVER_LICENCE}",
        "normalised: retired modes renamed to the manual's modes, contexts joined with |, first row kept for repeated codes, 163 (embargo, sanctions) set to SANCTION discontinue as the manual directs",
        "skipped (not in the CAMEO code table): " + (", ".join(dropped) or "none"),
        "tocsin supplement: CAMEO 02x (appeal) mapped to REQUEST, which the source leaves out; CAMEO 01x stays unmapped",
    ])
    for code in sorted(mapping):
        ptype, mode, context = mapping[code]
        lines.append("\t".join([code, ptype, mode, context]))
    (output / "cameo_plover.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"types": len(types), "codes": len(names), "mappings": len(mapping)}


def main(argv: list[str]) -> int:
    reference = Path(argv[1]) if len(argv) > 1 else DEFAULT_REFERENCE
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    try:
        counts = write_tables(reference, output)
    except (OSError, ReferenceError) as exc:
        sys.stderr.write(f"build_ontology: {exc}\n")
        return 1
    sys.stdout.write(", ".join(f"{v} {k}" for k, v in counts.items()) + f" written to {output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
