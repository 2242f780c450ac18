"""The dashboard: server-rendered pages (Jinja2 with autoescape, no script).

Pages read through the same store methods as the API. Forms that write (sign
in, submit an article, mark an alert) post back here; they need a signed-in
session and carry its CSRF value.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from tocsin.records import Event
from tocsin.store import EventFilter
from tocsin.web import analysis
from tocsin.web.api.alerts import STATES, change_state
from tocsin.web.api.events import events_page
from tocsin.web.auth import SESSION_COOKIE
from tocsin.web.charts import Marker, bar_chart
from tocsin.web.coding import articles_from_json
from tocsin.web.evidence import actor_label, segments
from tocsin.web.params import EventQuery, actor_code, event_query
from tocsin.web.problems import ApiError
from tocsin.web.state import event_evidence, reader, server

router = APIRouter(include_in_schema=False)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else ``None`` (no ``javascript:``, ``data:``…)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
    env.filters["actor"] = actor_label
    env.filters["segments"] = segments
    env.filters["safe_url"] = safe_url
    return env


templates = Jinja2Templates(env=_environment())


def _plover_types() -> tuple[str, ...]:
    from tocsin.ontology import load_ontology

    return tuple(load_ontology().types)


def session_id(request: Request) -> str | None:
    sid = request.cookies.get(SESSION_COOKIE)
    return sid if server(request).sessions.valid(sid) else None


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    srv = server(request)
    sid = session_id(request)
    context.update(
        signed_in=sid is not None, csrf=srv.sessions.csrf(sid) if sid else "",
        writes=srv.tokens.enabled and not srv.database.read_only, path=request.url.path,
    )
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def local_path(value: str | None, default: str = "/") -> str:
    """``value`` if it is a path on this site (no scheme, host or ``//``), else ``default``."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    parts = urlsplit(value)
    return value if not parts.scheme and not parts.netloc else default


async def form_fields(request: Request) -> dict[str, str]:
    """The fields of an urlencoded form post (the last value of each)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise ApiError(415, "forms are sent as application/x-www-form-urlencoded")
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[-1] for k, v in parse_qs(body, keep_blank_values=True, max_num_fields=50).items()}


def require_session(request: Request, fields: dict[str, str]) -> None:
    sid = session_id(request)
    if sid is None:
        raise ApiError(401, "sign in with a token first (/login)")
    if not server(request).sessions.csrf_ok(sid, fields.get("csrf")):
        raise ApiError(403, "the form is stale or not from this site; reload the page", code="bad_csrf")


# ------------------------------------------------------------------ overview

@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    store = reader(request)
    daily = store.daily_counts()  # type: ignore[attr-defined]
    latest = daily[-1][0] if daily else None
    chart = None
    recent: list[tuple[date, int]] = []
    active: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    if latest is not None:
        first = latest - timedelta(days=89)
        recent = [(d, n) for d, n in daily if d >= first]
        chart = bar_chart(recent, title="Events per day, last 90 days", chart_id="events-per-day")
        since = latest - timedelta(days=29)
        active = analysis.top_dyads(store, since=since, until=latest, limit=8, by="events")
        changed = analysis.top_dyads(store, since=since, until=latest, limit=8, by="change")
    alerts = store.alerts(state="new", limit=8) if analysis.has_alerts(store) else None  # type: ignore[attr-defined]
    return render(request, "overview.html", chart=chart, daily=recent, latest=latest,
                  active=active, changed=changed, alerts=alerts,
                  n_events=store.count_events(), outlets=store.outlets())  # type: ignore[attr-defined]


# -------------------------------------------------------------------- events

@router.get("/events", response_class=HTMLResponse)
def events(request: Request, q: Annotated[EventQuery, Depends(event_query)]) -> HTMLResponse:
    found, cursor = events_page(request, q)
    next_link = f"/events?{urlencode([*q.echo, ('cursor', cursor)])}" if cursor else None
    values: dict[str, list[str]] = {}
    for key, value in q.echo:
        values.setdefault(key, []).append(value)
    return render(request, "events.html", events=found, next_link=next_link, values=values,
                  types=_plover_types(), sectors=_SECTORS, total=reader(request).count_events(q.filter) if not q.sectors else None)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    store = reader(request)
    event = store.event(event_id)  # type: ignore[attr-defined]
    if event is None:
        raise ApiError(404, f"no event {event_id!r}")
    evidence = event_evidence(store, event)
    same = [Event.from_dict(d) for d in evidence["same_sentence"]]
    related = [Event.from_dict(d) for d in evidence["other_mentions"]]
    return render(request, "event.html", event=event, article=evidence["article"], same=same,
                  related=related)


# --------------------------------------------------------------------- dyads

@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str,
              q: Annotated[EventQuery, Depends(event_query)], alert: str | None = None) -> HTMLResponse:
    store = reader(request)
    source, target = actor_code(a, "a"), actor_code(b, "b")
    sector = q.sectors[0] if q.sectors else None
    # a sector keeps events whose two actors have it, as the series does
    pair, sectors = (source, target), q.sectors
    if sector and len(source) == 3 and len(target) == 3:
        pair, sectors = (source + sector, target + sector), ()
    flt = EventFilter(dyad=pair, symmetric_dyad=True, types=q.filter.types,
                      since=q.filter.since, until=q.filter.until)
    points = analysis.dyad_series(store, source, target, by="week", sector=sector,
                                  since=q.filter.since, until=q.filter.until, types=q.filter.types or None)
    series = [(date.fromisoformat(p["period"]), p["n_events"]) for p in points]
    alerts: list[Any] = []
    chosen = None
    if analysis.has_alerts(store):
        pair = {source, target}
        alerts = [x for x in store.alerts(limit=500) if {x.source, x.target} == pair]  # type: ignore[attr-defined]
        if alert:
            chosen = store.alert(alert)  # type: ignore[attr-defined]
    markers = [Marker(x.window_start, x.summary, f"alert-{x.alert_id}") for x in alerts]
    chart = bar_chart(series, title=f"Events between {source} and {target} per week",
                      chart_id="dyad-series", markers=markers) if series else None
    evidence = store.events_by_id(list(chosen.evidence)) if chosen else []  # type: ignore[attr-defined]
    found = store.events_page(flt, after=q.after, sectors=sectors, limit=51)  # type: ignore[attr-defined]
    from tocsin.store.base import EventPageKey
    from tocsin.web.params import encode_cursor

    next_link = None
    if len(found) > 50:
        found = found[:50]
        keep = [(k, v) for k, v in q.echo if k in ("type", "sector", "since", "until")]
        next_link = f"/dyads/{source}/{target}?" + urlencode([*keep, ("cursor", encode_cursor(EventPageKey.of(found[-1])))])
    values: dict[str, list[str]] = {}
    for key, value in q.echo:
        values.setdefault(key, []).append(value)
    return render(request, "dyad.html", source=source, target=target, chart=chart, series=series,
                  alerts=alerts, chosen=chosen, evidence=evidence, events=found, next_link=next_link,
                  values=values, types=_plover_types(), sectors=_SECTORS)


_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "BUS", "MED", "EDU", "NGO", "IGO")


# -------------------------------------------------------------------- alerts

@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, state: str | None = "new") -> HTMLResponse:
    store = reader(request)
    if not analysis.has_alerts(store):
        return render(request, "alerts.html", alerts=None, state=state, states=STATES)
    chosen = state if state in STATES else None
    found = store.alerts(state=chosen, limit=200)  # type: ignore[attr-defined]
    return render(request, "alerts.html", alerts=found, state=chosen or "all", states=STATES)


@router.post("/alerts/{alert_id}/state")
async def alert_state_form(request: Request, alert_id: str) -> Response:
    fields = await form_fields(request)
    require_session(request, fields)
    await run_in_threadpool(change_state, request, alert_id, fields.get("state", ""))
    return RedirectResponse(local_path(fields.get("next"), "/alerts"), status_code=303)


# ------------------------------------------------------------------ articles

@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, cursor: str | None = None) -> HTMLResponse:
    rows = reader(request).articles_page(after=cursor or None, limit=51)  # type: ignore[attr-defined]
    next_link = f"/articles?{urlencode({'cursor': rows[49].article_id})}" if len(rows) > 50 else None
    return render(request, "articles.html", rows=rows[:50], next_link=next_link)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    store = reader(request)
    article = store.article(article_id)
    if article is None:
        raise ApiError(404, f"no article {article_id!r}")
    found = store.query(EventFilter(article_ids=(article_id,)))
    paragraphs = [p for p in article.text.split("\n") if p.strip()]
    return render(request, "article.html", article=article, paragraphs=paragraphs, events=found)


@router.get("/submit", response_class=HTMLResponse)
def submit_form(request: Request) -> HTMLResponse:
    return render(request, "submit.html", values={}, error=None)


@router.post("/submit")
async def submit_post(request: Request) -> Response:
    fields = await form_fields(request)
    require_session(request, fields)
    record = {k: fields[k].strip() for k in ("title", "text", "published", "url", "language", "outlet")
              if fields.get(k, "").strip()}
    srv = server(request)
    try:
        articles = articles_from_json(record, 1)
        result = await run_in_threadpool(srv.coding.submit, articles)
    except ApiError as exc:
        return render(request, "submit.html", status_code=exc.status, values=fields, error=exc.message)
    if result.problems:
        return render(request, "submit.html", status_code=422, values=fields,
                      error="; ".join(p["message"] for p in result.problems))
    return RedirectResponse(f"/articles/{result.articles[0]['article_id']}", status_code=303)


# ------------------------------------------------------------------- sign-in

@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:  # noqa: A002
    return render(request, "login.html", next=local_path(next), error=None)


@router.post("/login")
async def login_post(request: Request) -> Response:
    fields = await form_fields(request)
    srv = server(request)
    target = local_path(fields.get("next"))
    if not srv.tokens.valid(fields.get("token", "").strip()):
        message = "That token is not valid." if srv.tokens.enabled else \
            "This server accepts no writes: it was started without a token."
        return render(request, "login.html", status_code=401, next=target, error=message)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, srv.sessions.create(), httponly=True, samesite="strict",
                        max_age=srv.settings.session_hours * 3600, path="/")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    server(request).sessions.end(request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# ---------------------------------------------------------------------- docs

@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered here from the OpenAPI schema (works offline)."""
    schema = request.app.openapi()
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "description": op.get("description", ""),
                               "parameters": op.get("parameters", []), "tags": op.get("tags", [])})
    return render(request, "docs.html", operations=operations, title=schema["info"]["title"])
