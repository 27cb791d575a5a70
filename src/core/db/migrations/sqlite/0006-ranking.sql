-- Schema 6: the pioneer index (先锋指数) and Pioneers of the Month (当月先锋).
--
-- The index is computed from engagement_events (schema 5) with a set of
-- weights; see src/core/ranking/xf-index-weights.h for the formula and
-- data/reference/pioneer-index.json for the defaults.

-- Every set of weights ever in force, never edited: a change is a new row,
-- audited, in force from its first month on (the newest row whose
-- valid_from is not after a month ranks that month). Seeded from
-- data/reference/pioneer-index.json the first time it is read while empty.
CREATE TABLE index_weight_sets (
  id          INTEGER PRIMARY KEY,
  valid_from  TEXT NOT NULL,                   -- YYYY-MM
  weights     TEXT NOT NULL,                   -- JSON, as data/reference/pioneer-index.json
  reason      TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  created_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX index_weight_sets_by_month ON index_weight_sets (valid_from, id);

-- A month's ranking, frozen: the weights and the monthly maxima used to
-- normalise are copied in, so that the month can be explained and
-- recomputed to the same result. One per month; a recomputation replaces
-- it (audited).
CREATE TABLE monthly_rankings (
  id               INTEGER PRIMARY KEY,
  month            TEXT NOT NULL UNIQUE,       -- YYYY-MM
  weight_set_id    INTEGER NOT NULL REFERENCES index_weight_sets (id),
  weights          TEXT NOT NULL,              -- JSON copy of the weights used
  maxima           TEXT NOT NULL,              -- JSON {component: the month's largest raw value}
  events_counted   INTEGER NOT NULL DEFAULT 0, -- after caps and duplicates
  pioneers_scored  INTEGER NOT NULL DEFAULT 0, -- with any counted event
  computed_at      INTEGER NOT NULL,
  computed_by      TEXT NOT NULL DEFAULT '',
  automatic        INTEGER NOT NULL DEFAULT 0  -- computed at the turn of the month, not by hand
);

-- The best of a frozen month, by kind: rank 1..N among individuals (the
-- first 20 are the Pioneers of the Month) and among collectives.
CREATE TABLE ranking_entries (
  ranking_id   INTEGER NOT NULL REFERENCES monthly_rankings (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('individual', 'collective')),
  rank         INTEGER NOT NULL,
  pioneer_id   INTEGER NOT NULL REFERENCES pioneers (id),
  score        REAL NOT NULL,                  -- the index, 0..100
  components   TEXT NOT NULL,                  -- JSON {component: raw value after caps}
  PRIMARY KEY (ranking_id, kind, rank)
);
CREATE INDEX ranking_entries_by_pioneer ON ranking_entries (pioneer_id);
