"""Build gold JSONL from the compact batch notation.

One line per text: ``text | events | acceptable | tags``. Events are separated by ``;``,
each ``TYPE[/TYPE] SRC TGT [neg] [m:MOD] [a:ATTR]`` with ``-`` for null and ``_`` for
spaces in the attribution."""
import json, sys

def ev(spec, full=True):
    parts = spec.split()
    types = parts[0].split("/")
    src = None if parts[1] == "-" else parts[1]
    tgt = None if parts[2] == "-" else parts[2]
    d = {"type": types[0] if len(types) == 1 else types, "source": src, "target": tgt}
    if not full:
        d["type"] = types
        return d
    d.update(negated=False, modality="asserted", attribution=None)
    for p in parts[3:]:
        if p == "neg":
            d["negated"] = True
        elif p.startswith("m:"):
            d["modality"] = p[2:]
        elif p.startswith("a:"):
            d["attribution"] = p[2:].replace("_", " ")
    return d

def build(path, prefix, published):
    out = []
    for n, line in enumerate(l for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")):
        cols = [c.strip() for c in line.rstrip("\n").split("|")]
        cols += [""] * (4 - len(cols))
        text, evs, acc, tags = cols[:4]
        events = [ev(s) for s in evs.split(";") if s.strip()]
        acceptable = [ev(s, False) for s in acc.split(";") if s.strip()]
        tags = tags.split()
        if not events and "no_event" not in tags:
            tags.append("no_event")
        out.append({"id": f"{prefix}-{n+1:04d}", "split": "dev", "language": "fr",
                    "published": published, "text": text, "tags": tags,
                    "events": events, "acceptable": acceptable})
    return out

if __name__ == "__main__":
    src, dst, prefix = sys.argv[1:4]
    items = build(src, prefix, "2025-11-20")
    with open(dst, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(len(items), "items,", sum(1 for i in items if not i["events"]), "without events")
