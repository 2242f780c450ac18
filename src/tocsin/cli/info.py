"""``tocsin info``: what this installation uses."""

from __future__ import annotations

from tocsin.cli.common import stdout_console


def info() -> None:
    """Show versions, spaCy pipelines, lexicon sizes and knowledge-base counts."""
    from rich.table import Table

    from tocsin.actors import load_knowledge_base
    from tocsin.errors import TocsinError
    from tocsin.lang import SUPPORTED_LANGUAGES, load_language
    from tocsin.nlp import model_name
    from tocsin.version import CODER_NAME, __version__

    table = Table(title=f"tocsin {__version__}", show_header=False, title_justify="left")
    table.add_row("coder", CODER_NAME)
    for iso in SUPPORTED_LANGUAGES:
        try:
            model = model_name(iso)
        except TocsinError as exc:
            model = f"missing ({exc})"
        table.add_row(f"{iso} pipeline", model)
        table.add_row(f"{iso} predicates", str(len(load_language(iso).predicates)))
    kb = load_knowledge_base()
    for name, value in kb.stats().items() if hasattr(kb, "stats") else []:
        table.add_row(f"actors: {name}", str(value))
    from tocsin.places import load_gazetteer

    gazetteer = load_gazetteer()
    table.add_row("places", f"{len(gazetteer)} (gazetteer version {gazetteer.version}, {len(gazetteer.index)} names)")
    stdout_console().print(table)
