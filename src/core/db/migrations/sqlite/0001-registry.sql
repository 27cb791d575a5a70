-- Schema 1: the registry (organisations, pioneers, honours, change history).
-- Portable SQL: SQLite-only parts (FTS5) are kept at the end of this file.

CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  name_en     TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL DEFAULT 'mass-organisation',
  parent_id   INTEGER REFERENCES organisations (id),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
);

-- Individuals and collectives share one table so that the registry lists,
-- sorts and searches both at once; kind-specific columns stay NULL for the other.
CREATE TABLE pioneers (
  id               INTEGER PRIMARY KEY,
  uid              TEXT NOT NULL UNIQUE,
  kind             TEXT NOT NULL CHECK (kind IN ('individual', 'collective')),
  name             TEXT NOT NULL,
  -- individuals
  gender           TEXT CHECK (gender IN ('male', 'female')),
  birth_date       TEXT,
  ethnicity        TEXT,
  education        TEXT,
  political_status TEXT,
  id_number        TEXT UNIQUE,
  mobile           TEXT,
  employer         TEXT,
  position         TEXT,
  -- collectives
  credit_code      TEXT UNIQUE,
  collective_kind  TEXT,
  leader           TEXT,
  size             INTEGER,
  -- both
  industry         TEXT,
  region_code      TEXT,
  organisation_id  INTEGER REFERENCES organisations (id),
  tier             TEXT NOT NULL DEFAULT 'cultivation'
                   CHECK (tier IN ('national', 'provincial', 'city', 'county', 'cultivation')),
  tier_rank        INTEGER NOT NULL DEFAULT 4,
  tier_manual      INTEGER NOT NULL DEFAULT 0,
  tier_reason      TEXT,
  skills           TEXT,
  tags             TEXT,
  introduction     TEXT,
  deeds            TEXT,
  video            TEXT,
  photo            TEXT,
  contribution     TEXT,
  status           TEXT NOT NULL DEFAULT 'active'
                   CHECK (status IN ('active', 'archived', 'deceased')),
  archive_reason   TEXT,
  honours_count    INTEGER NOT NULL DEFAULT 0,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);

-- The registry lists pioneers by one of these orders. Each index starts with
-- status (lists show one status, "active" by default), then the sort key,
-- and ends in (name, id) so that keyset pagination has a total order; kind
-- is carried along so the common individual/collective filter needs no
-- table lookup. Nullable sort keys are indexed through coalesce() so the
-- order is total and the same in SQLite and PostgreSQL; queries must use
-- the same expressions.
CREATE INDEX pioneers_by_name ON pioneers (status, name, id, kind);
CREATE INDEX pioneers_by_kind ON pioneers (status, kind, name, id);
CREATE INDEX pioneers_by_tier ON pioneers (status, tier_rank, name, id, kind);
CREATE INDEX pioneers_by_region ON pioneers (status, coalesce(region_code, ''), name, id, kind);
CREATE INDEX pioneers_by_organisation ON pioneers (status, coalesce(organisation_id, 0), name, id, kind);
CREATE INDEX pioneers_by_industry ON pioneers (status, coalesce(industry, ''), name, id, kind);
CREATE INDEX pioneers_by_honours ON pioneers (status, honours_count, name, id, kind);

CREATE TABLE honours (
  id               INTEGER PRIMARY KEY,
  uid              TEXT NOT NULL UNIQUE,
  pioneer_id       INTEGER NOT NULL REFERENCES pioneers (id),
  title            TEXT NOT NULL,
  level            TEXT NOT NULL CHECK (level IN ('national', 'provincial', 'city', 'county')),
  year             INTEGER NOT NULL,
  conferring_body  TEXT NOT NULL DEFAULT '',
  certificate_no   TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX honours_by_pioneer ON honours (pioneer_id, year);

-- The history of a file: one row per changed field per save.
CREATE TABLE pioneer_changes (
  id          INTEGER PRIMARY KEY,
  pioneer_id  INTEGER NOT NULL REFERENCES pioneers (id),
  changed_at  INTEGER NOT NULL,
  actor       TEXT NOT NULL DEFAULT '',
  field       TEXT NOT NULL,
  old_value   TEXT,
  new_value   TEXT
);
CREATE INDEX pioneer_changes_by_pioneer ON pioneer_changes (pioneer_id, changed_at);

-- SQLite only: full-text search with the trigram tokenizer, kept in step by triggers.
CREATE VIRTUAL TABLE pioneers_fts USING fts5 (
  name, employer, skills, deeds,
  content = 'pioneers', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER pioneers_fts_insert AFTER INSERT ON pioneers BEGIN
  INSERT INTO pioneers_fts (rowid, name, employer, skills, deeds)
  VALUES (new.id, new.name, new.employer, new.skills, new.deeds);
END;
CREATE TRIGGER pioneers_fts_delete AFTER DELETE ON pioneers BEGIN
  INSERT INTO pioneers_fts (pioneers_fts, rowid, name, employer, skills, deeds)
  VALUES ('delete', old.id, old.name, old.employer, old.skills, old.deeds);
END;
CREATE TRIGGER pioneers_fts_update AFTER UPDATE OF name, employer, skills, deeds ON pioneers BEGIN
  INSERT INTO pioneers_fts (pioneers_fts, rowid, name, employer, skills, deeds)
  VALUES ('delete', old.id, old.name, old.employer, old.skills, old.deeds);
  INSERT INTO pioneers_fts (rowid, name, employer, skills, deeds)
  VALUES (new.id, new.name, new.employer, new.skills, new.deeds);
END;

-- SQLite only: one- and two-character pieces of every name (lower-cased
-- ASCII), kept in step by triggers. A trigram MATCH cannot find a query of
-- one or two characters, yet most searches for a Chinese name are that
-- short (王, 建国); this table answers them through its primary key.
CREATE TABLE pioneer_grams (
  gram        TEXT NOT NULL,
  pioneer_id  INTEGER NOT NULL,
  PRIMARY KEY (gram, pioneer_id)
) WITHOUT ROWID;
-- Character positions 1..255, to cut names into pieces inside triggers
-- (which cannot use recursive common table expressions).
CREATE TABLE gram_positions (n INTEGER PRIMARY KEY);
WITH RECURSIVE counter (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < 255)
INSERT INTO gram_positions (n) SELECT n FROM counter;
CREATE TRIGGER pioneer_grams_insert AFTER INSERT ON pioneers BEGIN
  INSERT OR IGNORE INTO pioneer_grams (gram, pioneer_id)
    SELECT substr (lower (new.name), n, 1), new.id FROM gram_positions WHERE n <= length (new.name);
  INSERT OR IGNORE INTO pioneer_grams (gram, pioneer_id)
    SELECT substr (lower (new.name), n, 2), new.id FROM gram_positions WHERE n < length (new.name);
END;
CREATE TRIGGER pioneer_grams_delete AFTER DELETE ON pioneers BEGIN
  DELETE FROM pioneer_grams WHERE pioneer_id = old.id AND gram IN (
    SELECT substr (lower (old.name), n, 1) FROM gram_positions WHERE n <= length (old.name)
    UNION ALL
    SELECT substr (lower (old.name), n, 2) FROM gram_positions WHERE n < length (old.name));
END;
CREATE TRIGGER pioneer_grams_update AFTER UPDATE OF name ON pioneers BEGIN
  DELETE FROM pioneer_grams WHERE pioneer_id = old.id AND gram IN (
    SELECT substr (lower (old.name), n, 1) FROM gram_positions WHERE n <= length (old.name)
    UNION ALL
    SELECT substr (lower (old.name), n, 2) FROM gram_positions WHERE n < length (old.name));
  INSERT OR IGNORE INTO pioneer_grams (gram, pioneer_id)
    SELECT substr (lower (new.name), n, 1), new.id FROM gram_positions WHERE n <= length (new.name);
  INSERT OR IGNORE INTO pioneer_grams (gram, pioneer_id)
    SELECT substr (lower (new.name), n, 2), new.id FROM gram_positions WHERE n < length (new.name);
END;
