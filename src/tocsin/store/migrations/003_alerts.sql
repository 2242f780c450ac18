-- tocsin schema 3: change alerts on dyad series, with their state.
--
-- One row per tocsin.records.Alert. alert_id is derived from the dyad, the
-- kind and the windows, so detecting the same change twice finds the stored
-- row and leaves its state alone. evidence lists event ids, strongest first.

CREATE TABLE alerts (
    alert_id        VARCHAR PRIMARY KEY,
    source          VARCHAR NOT NULL,
    target          VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,       -- count | intensity
    window_start    DATE NOT NULL,
    window_end      DATE NOT NULL,
    baseline_start  DATE NOT NULL,
    baseline_end    DATE NOT NULL,
    observed        DOUBLE NOT NULL,
    expected        DOUBLE NOT NULL,
    score           DOUBLE NOT NULL,
    direction       VARCHAR NOT NULL,       -- up | down
    summary         VARCHAR NOT NULL,
    evidence        VARCHAR[] NOT NULL,
    state           VARCHAR NOT NULL,       -- new | seen | dismissed
    created_at      TIMESTAMP NOT NULL,
    state_changed_at TIMESTAMP
);

CREATE INDEX alerts_state ON alerts (state);
CREATE INDEX alerts_window_end ON alerts (window_end);
