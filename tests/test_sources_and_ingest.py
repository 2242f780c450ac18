"""The sources file, and tocsin ingest on URLs, corpora with column mappings and files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from localserver import LocalServer
from tocsin.cli import app
from tocsin.errors import DataFileError
from tocsin.ingest.sources import Settings, load_sources, parse_sources
from tocsin.ingest.tables import parse_mapping, read_corpus
from tocsin.records import Article, InputProblem
from tocsin.store import open_store
from webfixtures import build_site

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sources.toml"


def test_the_example_sources_file_is_valid() -> None:
    config = load_sources(EXAMPLE)
    assert len(config.sources) >= 3
    assert {s.language for s in config.sources} <= {"fr", "en", None}
    assert not config.settings.allow_private


def test_defaults_and_settings() -> None:
    config = parse_sources('[settings]\npoliteness_delay = 5\nallow_networks = ["10.0.0.0/8"]\n'
                           '[[source]]\nurl = "https://example.org/rss"\n')
    source = config.sources[0]
    assert source.name == "https://example.org/rss" and source.kind == "feed"
    assert source.interval == Settings().default_interval
    options = config.settings.fetch_options()
    assert options.policy.allow_networks == ("10.0.0.0/8",) and not options.policy.allow_private


@pytest.mark.parametrize(("text", "message"), [
    ("[[source]]\nurl = 'file:///etc/passwd'\n", "only http and https"),
    ("[[source]]\nname = 'a'\n", "field 'url' is missing"),
    ("[[source]]\nurl = 'https://a.example/'\nlanguage = 'de'\n", "field 'language'"),
    ("[[source]]\nurl = 'https://a.example/'\ninterval = 'often'\n", "field 'interval'"),
    ("[[source]]\nurl = 'https://a.example/'\nkind = 'podcast'\n", "field 'kind'"),
    ("[[source]]\nurl = 'https://a.example/'\ncolour = 'red'\n", "unknown field 'colour'"),
    ("[settings]\nallow_private = 'yes'\n[[source]]\nurl = 'https://a.example/'\n", "allow_private"),
    ("[settings]\nallow_networks = ['not a net']\n[[source]]\nurl = 'https://a.example/'\n", "not a network"),
    ("[[source]]\nname = 'a'\nurl = 'https://a.example/'\n[[source]]\nname = 'a'\nurl = 'https://b.example/'\n", "share the name"),
    ("[settings]\n", r"no \[\[source\]\]"),
    ("[[source]\n", "not valid TOML"),
])
def test_sources_file_errors_name_the_field(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message) as info:
        parse_sources(text, "my-sources.toml")
    assert info.value.source == "my-sources.toml"


# --------------------------------------------------------------------------- corpora


def test_column_mapping() -> None:
    assert parse_mapping("text=body, published=pub_date") == {"text": "body", "published": "pub_date"}
    with pytest.raises(ValueError, match="unknown article field"):
        parse_mapping("colour=red")
    with pytest.raises(ValueError, match="FIELD=COLUMN"):
        parse_mapping("text")


def test_csv_corpus_with_mapping_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(
        "ident,body,pub_date,source,lang\n"
        "n1,\"La Russie et la Chine ont signé un accord, à Moscou.\",2024-03-05,Courrier,fr\n"
        "n2,,2024-03-05,Courrier,fr\n"
        "n3,The talks ended.,someday,Post,en\n"
        "n4,The United States imposed new sanctions on North Korea.,2024-03-06,Post,en\n",
        encoding="utf-8")
    mapping = parse_mapping("id=ident,text=body,published=pub_date,outlet=source,language=lang")
    items = list(read_corpus([path], mapping=mapping))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [a.id for a in articles] == ["n1", "n4"]
    assert articles[0].outlet == "Courrier" and str(articles[0].published) == "2024-03-05"
    assert [(p.line, p.code) for p in problems] == [(3, "E104"), (4, "E104")]
    assert "published" in problems[1].message
    missing = list(read_corpus([path], mapping={"text": "content"}))
    assert len(missing) == 1 and "no column 'content'" in missing[0].message


def test_jsonl_corpus_with_mapping(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"headline": "H", "content": "La France a annoncé des sanctions contre l'Iran."})
                    + "\n{broken\n", encoding="utf-8")
    items = list(read_corpus([path], mapping={"text": "content", "title": "headline"}))
    assert isinstance(items[0], Article) and items[0].title == "H"
    assert isinstance(items[1], InputProblem) and items[1].line == 2


# --------------------------------------------------------------------------- the command


@pytest.fixture(scope="module")
def site():
    server = LocalServer()
    server.routes.update(build_site(server.base))
    with server:
        yield server


def test_ingest_urls_and_files_store_once_and_code(site: LocalServer, tmp_path: Path, engine,
                                                   store_url: str) -> None:
    db = store_url
    corpus = tmp_path / "corpus.csv"
    corpus.write_text("body,when,paper\n"
                      "\"La France a annoncé lundi de nouvelles sanctions contre l'Iran.\",2024-03-04,Courrier\n",
                      encoding="utf-8")
    args = ["ingest", site.url("/post/atom.xml"), site.url("/courrier/kharkiv.html"), str(corpus),
            "--columns", "text=body,published=when,outlet=paper", "--db", str(db), "--allow-private",
            "--delay", "0"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    with open_store(db, read_only=True) as store:
        counts = store.ingest_counts()
        outlets = sorted(a.outlet or "" for a in store.articles())
    assert counts["articles_coded"] == 5 and counts["articles_pending"] == 0
    assert counts["canonical_events"] > 0
    assert outlets == ["127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1", "Courrier"]
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0
    with open_store(db, read_only=True) as store:
        assert store.ingest_counts() == counts


def test_ingest_refuses_private_urls_and_reports_bad_inputs(site: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    before = len(site.hits)
    result = CliRunner().invoke(app, ["ingest", site.url("/post/atom.xml"), "file:///etc/passwd",
                                      str(tmp_path / "missing.jsonl"), "--db", str(db), "--no-code"])
    assert result.exit_code == 1
    assert "loopback" in result.output and "only http and https" in result.output
    assert "no such file" in result.output
    assert len(site.hits) == before  # refused before any request


def test_ingest_bad_options(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", "x.csv", "--columns", "colour=red", "--db", str(tmp_path / "x")])
    assert result.exit_code == 2 and "--columns" in result.output


def test_every_setting_and_source_field_is_documented() -> None:
    from dataclasses import fields

    from tocsin.ingest.sources import Source

    doc = (Path(__file__).resolve().parents[1] / "docs" / "ingest.md").read_text(encoding="utf-8")
    for f in fields(Settings):
        assert f"| `{f.name}` |" in doc, f.name
    for f in fields(Source):
        assert f"| `{f.name}` |" in doc, f.name


def test_help_lists_the_new_commands() -> None:
    result = CliRunner().invoke(app, ["--help"])
    for command in ("ingest", "watch", "status"):
        assert command in result.output
    for command in ("ingest", "watch", "status"):
        assert CliRunner().invoke(app, [command, "--help"]).exit_code == 0


def test_ingest_without_inputs_codes_the_queue_and_retries_failures(engine, store_url: str) -> None:
    from tocsin.ingest.service import Ingestor

    db = store_url
    with open_store(db) as store:
        ingestor = Ingestor(store)
        ingestor.add(Article(id="ok", text="La France a annoncé lundi de nouvelles sanctions contre l'Iran.",
                             language="fr"))
        ingestor.add(Article(id="de", text="Deutschland und Frankreich haben sich am Montag getroffen.",
                             language="de"))
    result = CliRunner().invoke(app, ["ingest", "--db", str(db)])
    assert result.exit_code == 1 and "'de' is not supported" in result.output
    with open_store(db) as store:
        counts = store.ingest_counts()
        assert (counts["articles_coded"], counts["articles_failed"]) == (1, 1)
    again = CliRunner().invoke(app, ["ingest", "--db", str(db), "--retry-failed"])
    assert again.exit_code == 1  # still not a supported language: failed again, counted once
    with open_store(db, read_only=True) as store:
        assert store.ingest_counts()["articles_failed"] == 1
    assert CliRunner().invoke(app, ["ingest", "--db", str(db), "--no-code"]).exit_code == 2


def test_reprints_across_restarts_and_the_reprint_window(store_url: str) -> None:
    from tocsin.ingest.service import Ingestor
    from webfixtures import ARTICLES

    def article(path: str, outlet: str) -> Article:
        return Article(id=path, text="\n".join(ARTICLES[path]["paragraphs"]), url=f"http://{outlet}.example{path}",
                       outlet=outlet, language="fr")

    with open_store(store_url) as store:
        first = Ingestor(store).add(article("/courrier/defense-pekin.html", "courrier"))
        assert first.status == "new"
        # a new process (a restart) rebuilds the index from the stored signatures
        again = Ingestor(store).add(article("/depeche/russie-chine-defense.html", "depeche"))
        assert again.status == "duplicate" and again.story_id == first.article_id
        assert again.similarity >= 0.3
        # articles stored before the window are not compared (exact copies still are, by hash)
        edited = article("/depeche/russie-chine-defense.html", "other")
        edited = Article(id="x", text=edited.text + "\nUn paragraphe de plus.", url=edited.url, language="fr")
        assert Ingestor(store, reprint_days=0).add(edited).status == "new"
        copy = article("/depeche/russie-chine-defense.html", "third")
        assert Ingestor(store, reprint_days=0).add(copy).status == "duplicate"
        # the same URL through a tracking link is the same article
        known = Ingestor(store).add(replace_url(article("/courrier/defense-pekin.html", "courrier"),
                                                "?utm_source=x#top"))
        assert known.status == "known" and known.article_id == first.article_id


def replace_url(article: Article, suffix: str) -> Article:
    from dataclasses import replace

    return replace(article, url=(article.url or "") + suffix)


def test_every_command_option_is_documented() -> None:
    import click
    import typer.main

    doc = (Path(__file__).resolve().parents[1] / "docs" / "ingest.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name in ("ingest", "watch", "status"):
        command = group.commands[name]  # type: ignore[attr-defined]
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(f"`{opt}`" in doc for opt in param.opts), (name, param.opts)


def test_ingest_a_sources_file_polls_every_source_once(site: LocalServer, tmp_path: Path) -> None:
    from webfixtures import EXPECTED_ARTICLES, EXPECTED_REPRINTS, sources_toml

    sources = tmp_path / "sources.toml"
    sources.write_text(sources_toml(site.base).replace("allow_private = true", "allow_private = false"))
    db = tmp_path / "t.duckdb"
    refused = CliRunner().invoke(app, ["ingest", str(sources), "--db", str(db), "--no-code"])
    assert refused.exit_code == 1
    with open_store(db, read_only=True) as store:
        assert store.ingest_counts()["articles_pending"] == 0
    result = CliRunner().invoke(app, ["ingest", str(sources), "--db", str(db), "--no-code", "--allow-private"])
    assert result.exit_code == 1  # the malformed and the hostile feeds fail; the rest is stored
    with open_store(db, read_only=True) as store:
        counts = store.ingest_counts()
        states = {s.name: s for s in store.source_states()}
    assert counts["articles_pending"] == EXPECTED_ARTICLES - EXPECTED_REPRINTS
    assert counts["articles_duplicate"] == EXPECTED_REPRINTS
    assert states["bomb"].last_status == "error" and states["post"].last_status == "ok"
