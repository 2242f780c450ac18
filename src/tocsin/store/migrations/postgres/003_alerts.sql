-- tocsin schema 3: change alerts on dyad series, with their state (PostgreSQL dialect).
--
-- The PostgreSQL twin of ../003_alerts.sql (DuckDB). One row per
-- tocsin.records.Alert. alert_id is derived from the dyad, the kind and the
-- windows, so detecting the same change twice finds the stored row and leaves
-- its state alone. evidence lists event ids, strongest first.

CREATE TABLE alerts (
    alert_id        text COLLATE "C" PRIMARY KEY,
    source          text COLLATE "C" NOT NULL,
    target          text COLLATE "C" NOT NULL,
    kind            text NOT NULL,          -- count | intensity
    window_start    date NOT NULL,
    window_end      date NOT NULL,
    baseline_start  date NOT NULL,
    baseline_end    date NOT NULL,
    observed        double precision NOT NULL,
    expected        double precision NOT NULL,
    score           double precision NOT NULL,
    direction       text NOT NULL,          -- up | down
    summary         text NOT NULL,
    evidence        text[] NOT NULL,
    state           text NOT NULL,          -- new | seen | dismissed
    created_at      timestamp NOT NULL,
    state_changed_at timestamp
);

CREATE INDEX alerts_state ON alerts (state);
CREATE INDEX alerts_window_end ON alerts (window_end);
