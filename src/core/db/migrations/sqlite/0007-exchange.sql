-- Schema 7: data exchange. Spreadsheet import remembers how the columns of
-- a header set were mapped to fields, so the next file with the same
-- headers maps itself (src/core/exchange/xf-import.h).

CREATE TABLE import_mappings (
  id          INTEGER PRIMARY KEY,
  header_key  TEXT NOT NULL UNIQUE,   -- SHA-256 of the kind and the normalised headers, in order
  kind        TEXT NOT NULL CHECK (kind IN ('individuals', 'collectives', 'honours', 'organisations')),
  headers     TEXT NOT NULL,          -- JSON array of the headers as the file wrote them
  mapping     TEXT NOT NULL,          -- JSON array: per column the field name, or null for "not imported"
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  updated_by  TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1
);
