-- tocsin schema 2: followed sources, the article queue and identity, canonical events
-- (PostgreSQL dialect).
--
-- The PostgreSQL twin of ../002_ingest_dedup.sql (DuckDB): same tables, columns,
-- keys and indexes. VARCHAR is text, DOUBLE double precision, BLOB bytea,
-- VARCHAR[] text[]; ids and codes compare byte by byte (COLLATE "C").
--
-- ingest_sources    one row per followed feed or page and its polling state
-- article_ingest    one row per fetched/ingested article: canonical URL, content
--                   hash, MinHash signature, story (near-duplicate group), and the
--                   coding state: pending → coded (or duplicate, failed)
-- fetch_failures    entry pages that failed, with the number of attempts
-- canonical_events  one row per real-world event (a cluster of event mentions)
-- event_mentions    event row → canonical event (every coded event has one)

CREATE TABLE ingest_sources (
    name             text COLLATE "C" PRIMARY KEY,
    url              text NOT NULL,
    kind             text NOT NULL,         -- feed | page
    outlet           text,
    "language"       text,
    interval_s       double precision NOT NULL,
    etag             text,                  -- validators of the last complete poll
    last_modified    text,
    last_poll_at     timestamp,
    last_success_at  timestamp,
    last_status      text,                  -- ok | not_modified | error
    last_error       text,
    last_error_at    timestamp,
    failures         integer NOT NULL DEFAULT 0,   -- consecutive failed polls
    next_poll_at     timestamp,
    n_polls          integer NOT NULL DEFAULT 0,
    n_errors         integer NOT NULL DEFAULT 0,
    n_articles       integer NOT NULL DEFAULT 0    -- new articles stored from it
);

CREATE TABLE article_ingest (
    article_id     text COLLATE "C" PRIMARY KEY,   -- articles.article_id
    canonical_url  text COLLATE "C",               -- null for files and corpora without URLs
    content_hash   text COLLATE "C" NOT NULL,
    story_id       text COLLATE "C" NOT NULL,      -- article_id of the story's first article
    similarity     double precision NOT NULL,      -- estimated Jaccard with that article (1 for itself)
    status         text NOT NULL,                  -- pending | coded | duplicate | failed
    source_name    text,                           -- ingest_sources.name, or the input path
    minhash        bytea,
    first_seen     timestamp NOT NULL,
    coded_at       timestamp,
    attempts       integer NOT NULL DEFAULT 0,
    last_error     text
);
CREATE UNIQUE INDEX article_ingest_url ON article_ingest (canonical_url);
CREATE INDEX article_ingest_hash ON article_ingest (content_hash);
CREATE INDEX article_ingest_story ON article_ingest (story_id);
CREATE INDEX article_ingest_status ON article_ingest (status);

CREATE TABLE fetch_failures (
    url          text COLLATE "C" PRIMARY KEY,     -- canonical URL of the page
    source_name  text,
    attempts     integer NOT NULL,
    transient    boolean NOT NULL,
    last_error   text NOT NULL,
    last_at      timestamp NOT NULL
);

CREATE TABLE canonical_events (
    canonical_id    text COLLATE "C" NOT NULL,
    coder           text COLLATE "C" NOT NULL,
    block           text COLLATE "C" NOT NULL,  -- type|source|target|negated: the dyad block
    "type"          text NOT NULL,
    source_code     text COLLATE "C",           -- dyad member: country, else actor code (IGOEU); sorted for symmetric types
    target_code     text COLLATE "C",
    source_country  text COLLATE "C",
    target_country  text COLLATE "C",
    negated         boolean NOT NULL,
    quad_class      integer NOT NULL,
    first_date      date,
    last_date       date,
    first_seen      timestamp,
    n_mentions      integer NOT NULL,           -- event rows (sentences) in the cluster
    n_articles      integer NOT NULL,           -- distinct coded articles
    n_sources       integer NOT NULL,           -- distinct outlets, reprints included
    sources         text[] NOT NULL,            -- those outlets, sorted
    representative  text COLLATE "C" NOT NULL,  -- event_id of the earliest mention
    PRIMARY KEY (canonical_id, coder)
);
CREATE INDEX canonical_events_block ON canonical_events (block);
CREATE INDEX canonical_events_date ON canonical_events (first_date);

CREATE TABLE event_mentions (
    event_id      text COLLATE "C" NOT NULL,
    coder         text COLLATE "C" NOT NULL,
    canonical_id  text COLLATE "C" NOT NULL,
    article_id    text COLLATE "C" NOT NULL,
    PRIMARY KEY (event_id, coder)
);
CREATE INDEX event_mentions_canonical ON event_mentions (canonical_id);
