-- Schema 9: the public web portal (xianfeng-portal). An objection may come
-- through the portal: channel 'portal'. SQLite cannot change a CHECK in
-- place, so objections is rebuilt with its rows and ids, and its notes and
-- files after it so that their foreign keys name the new table (a rename
-- carries the references along while foreign keys are on).

ALTER TABLE objections RENAME TO objections_old;
CREATE TABLE objections (
  id                  INTEGER PRIMARY KEY,
  uid                 TEXT NOT NULL UNIQUE,
  notice_id           INTEGER NOT NULL REFERENCES notices (id),
  nomination_id       INTEGER NOT NULL REFERENCES nominations (id),
  received_on         TEXT NOT NULL,
  channel             TEXT NOT NULL CHECK (channel IN ('phone', 'letter', 'in-person', 'online', 'portal')),
  anonymous           INTEGER NOT NULL DEFAULT 0,
  objector_name       TEXT NOT NULL DEFAULT '',            -- '' when anonymous
  objector_contact    TEXT NOT NULL DEFAULT '',            -- personal: shown only to the roles allowed
  grounds             TEXT NOT NULL,
  handler_account_id  INTEGER REFERENCES accounts (id),
  handling_days       INTEGER NOT NULL DEFAULT 5,
  due_on              TEXT NOT NULL,                       -- received_on + handling_days working days
  status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  outcome             TEXT CHECK (outcome IN ('upheld-return', 'upheld-end', 'dismissed')),
  outcome_reason      TEXT,
  decided_on          TEXT,
  decided_by          TEXT,
  reply               TEXT,                                -- the reply to the objector (required when dismissed)
  reply_channel       TEXT,
  reply_sent_on       TEXT,
  reply_sent_by       TEXT,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1
);
INSERT INTO objections SELECT * FROM objections_old;

ALTER TABLE objection_notes RENAME TO objection_notes_old;
CREATE TABLE objection_notes (
  id            INTEGER PRIMARY KEY,
  objection_id  INTEGER NOT NULL REFERENCES objections (id),
  written_on    TEXT NOT NULL,
  written_at    INTEGER NOT NULL,
  written_by    TEXT NOT NULL,
  body          TEXT NOT NULL
);
INSERT INTO objection_notes SELECT * FROM objection_notes_old;
DROP TABLE objection_notes_old;

ALTER TABLE objection_files RENAME TO objection_files_old;
CREATE TABLE objection_files (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  objection_id  INTEGER NOT NULL REFERENCES objections (id),
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  content       TEXT NOT NULL,
  added_at      INTEGER NOT NULL,
  added_by      TEXT NOT NULL
);
INSERT INTO objection_files SELECT * FROM objection_files_old;
DROP TABLE objection_files_old;

DROP TABLE objections_old;
CREATE INDEX objections_by_notice ON objections (notice_id, id);
CREATE INDEX objections_by_nomination ON objections (nomination_id, status);
CREATE INDEX objection_notes_by_objection ON objection_notes (objection_id, id);
CREATE INDEX objection_files_by_objection ON objection_files (objection_id);
