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

-- One index per sortable column, each ending in (name, id) so that keyset
-- pagination has a total order.
CREATE INDEX pioneers_by_name ON pioneers (name, id);
CREATE INDEX pioneers_by_kind ON pioneers (kind, name, id);
CREATE INDEX pioneers_by_tier ON pioneers (tier_rank, name, id);
CREATE INDEX pioneers_by_region ON pioneers (region_code, name, id);
CREATE INDEX pioneers_by_organisation ON pioneers (organisation_id, name, id);
CREATE INDEX pioneers_by_industry ON pioneers (industry, name, id);
CREATE INDEX pioneers_by_honours ON pioneers (honours_count, name, id);

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
