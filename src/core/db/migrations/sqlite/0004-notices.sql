-- Schema 4: the public notice board (公示) and objections (异议).
-- A notice lists candidates (nominations that passed committee review) for
-- a period of working days; publishing copies each candidate's lines into
-- notice_candidates so a published notice never changes. A correction is a
-- new revision (revision_of → the notice it corrects); a second notice
-- (二次公示) after an upheld objection follows the first (follows → it).

CREATE TABLE notices (
  id               INTEGER PRIMARY KEY,
  uid              TEXT NOT NULL UNIQUE,
  campaign_id      INTEGER NOT NULL REFERENCES campaigns (id),
  organisation_id  INTEGER REFERENCES organisations (id),  -- the publisher (the campaign's organiser by default)
  title            TEXT NOT NULL,
  preamble         TEXT NOT NULL DEFAULT '',               -- the paragraph before the list
  revision         INTEGER NOT NULL DEFAULT 1,             -- 1, then 2 for its first correction…
  revision_of      INTEGER REFERENCES notices (id),        -- the notice this one corrects
  follows          INTEGER REFERENCES notices (id),        -- the first notice, for a second notice
  status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed', 'withdrawn')),
  period_days      INTEGER NOT NULL DEFAULT 5 CHECK (period_days > 0),
  starts_on        TEXT,                                   -- first working day of the period (set at publishing)
  ends_on          TEXT,                                   -- last working day of the period
  contact_phone    TEXT NOT NULL DEFAULT '',
  contact_address  TEXT NOT NULL DEFAULT '',
  contact_mailbox  TEXT NOT NULL DEFAULT '',
  published_on     TEXT,
  published_at     INTEGER,
  published_by     TEXT,
  closed_on        TEXT,
  closed_at        INTEGER,
  closed_by        TEXT,
  withdrawn_reason TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX notices_by_campaign ON notices (campaign_id, id);
CREATE INDEX notices_by_status ON notices (status, ends_on);

-- The candidates of a notice. The lines are copied from the registry when
-- added and refreshed while the notice is a draft; fixed once published.
-- result: what closing the notice did with the candidate.
CREATE TABLE notice_candidates (
  notice_id      INTEGER NOT NULL REFERENCES notices (id),
  nomination_id  INTEGER NOT NULL REFERENCES nominations (id),
  position       INTEGER NOT NULL,
  name           TEXT NOT NULL,
  gender         TEXT NOT NULL DEFAULT '',
  unit           TEXT NOT NULL DEFAULT '',
  honour         TEXT NOT NULL DEFAULT '',
  summary        TEXT NOT NULL DEFAULT '',
  result         TEXT CHECK (result IN ('decision', 'held', 'returned', 'ended')),
  PRIMARY KEY (notice_id, nomination_id)
);
CREATE INDEX notice_candidates_by_nomination ON notice_candidates (nomination_id);

CREATE TABLE objections (
  id                  INTEGER PRIMARY KEY,
  uid                 TEXT NOT NULL UNIQUE,
  notice_id           INTEGER NOT NULL REFERENCES notices (id),
  nomination_id       INTEGER NOT NULL REFERENCES nominations (id),
  received_on         TEXT NOT NULL,
  channel             TEXT NOT NULL CHECK (channel IN ('phone', 'letter', 'in-person', 'online')),
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
CREATE INDEX objections_by_notice ON objections (notice_id, id);
CREATE INDEX objections_by_nomination ON objections (nomination_id, status);

-- Investigation notes: appended, never edited.
CREATE TABLE objection_notes (
  id            INTEGER PRIMARY KEY,
  objection_id  INTEGER NOT NULL REFERENCES objections (id),
  written_on    TEXT NOT NULL,
  written_at    INTEGER NOT NULL,
  written_by    TEXT NOT NULL,
  body          TEXT NOT NULL
);
CREATE INDEX objection_notes_by_objection ON objection_notes (objection_id, id);

-- Attached files, kept in the database (base64) like nomination materials.
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
CREATE INDEX objection_files_by_objection ON objection_files (objection_id);
