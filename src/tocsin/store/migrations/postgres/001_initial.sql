-- tocsin schema 1: coding runs, articles and events (PostgreSQL dialect).
--
-- The PostgreSQL twin of ../001_initial.sql (DuckDB): same version, same name,
-- same tables, columns, keys and indexes. DuckDB's STRUCT columns are composite
-- types here, so `(source).country` reads the same in both databases; VARCHAR
-- is text, DOUBLE is double precision.
--
-- Ids compare byte by byte (COLLATE "C"), as in DuckDB, so results come back
-- in the same order from both databases whatever the server's locale.
-- Everything is created in the current schema (the first one on search_path),
-- so one database can hold several tocsin stores side by side.

CREATE TYPE event_actor AS (
    "text"      text,
    code        text COLLATE "C",
    country     text COLLATE "C",
    sector      text,
    "name"      text,
    entity_id   text
);

CREATE TYPE event_location AS (
    "text"      text,
    country     text COLLATE "C",
    "name"      text,
    lat         double precision,
    lon         double precision
);

CREATE TABLE runs (
    run_id          text COLLATE "C" PRIMARY KEY,
    started_at      timestamp NOT NULL,
    finished_at     timestamp,
    coder           text NOT NULL,
    tocsin_version  text NOT NULL,
    args            text,               -- JSON text of the run's options
    n_articles      integer,
    n_events        integer,
    n_failed        integer
);

CREATE TABLE articles (
    article_id  text COLLATE "C" PRIMARY KEY,
    title       text,
    "text"      text NOT NULL,
    published   date,
    url         text,
    "language"  text,
    outlet      text,
    origin      text,
    coded_with  text,                   -- coder version of the latest coding
    run_id      text,                   -- run of the latest coding
    updated_at  timestamp NOT NULL
);

CREATE TABLE events (
    event_id        text COLLATE "C" NOT NULL,
    article_id      text COLLATE "C" NOT NULL,
    sentence_index  integer NOT NULL,
    sentence        text NOT NULL,
    "trigger"       text NOT NULL,
    trigger_span    integer[] NOT NULL,
    "type"          text NOT NULL,
    "mode"          text,
    context         text[] NOT NULL,
    cameo           text NOT NULL,
    quad_class      integer NOT NULL,
    goldstein       double precision NOT NULL,
    source          event_actor,
    target          event_actor,
    negated         boolean NOT NULL,
    modality        text NOT NULL,
    attribution     event_actor,
    "date"          date,
    date_precision  text NOT NULL,
    date_text       text,
    location        event_location,
    "language"      text NOT NULL,
    confidence      double precision NOT NULL,
    coder           text COLLATE "C" NOT NULL,
    pattern         text NOT NULL,
    PRIMARY KEY (event_id, coder)
);

CREATE INDEX events_article_id ON events (article_id);
CREATE INDEX events_date ON events ("date");
CREATE INDEX events_type ON events ("type");
