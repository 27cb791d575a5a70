-- Schema 3: evaluation. Campaigns (评选活动) and their nominations through
-- the four-step review: nomination (申报), preliminary review (初审) with
-- joint vetting (联审) beside it, committee review (复审), public notice
-- (公示), then decision. Lists of a campaign's settings that no query
-- filters on (rubric, vetting departments, checklist, eligibility) are
-- JSON text read in C; everything a query needs is a column.

CREATE TABLE campaigns (
  id                 INTEGER PRIMARY KEY,
  uid                TEXT NOT NULL UNIQUE,
  year               INTEGER NOT NULL,
  title              TEXT NOT NULL,                 -- the honour conferred
  level              TEXT NOT NULL CHECK (level IN ('national', 'provincial', 'city', 'county')),
  organisation_id    INTEGER REFERENCES organisations (id),  -- the organiser, the conferring body
  region_codes       TEXT NOT NULL DEFAULT '',      -- covered region prefixes, space-separated; '' = all
  organisation_codes TEXT NOT NULL DEFAULT '',      -- covered organisations (and theirs below), space-separated; '' = all
  quota              INTEGER NOT NULL CHECK (quota > 0),
  eligibility        TEXT NOT NULL DEFAULT '{}',
  rubric             TEXT NOT NULL DEFAULT '[]',
  vetting            TEXT NOT NULL DEFAULT '[]',
  checklist          TEXT NOT NULL DEFAULT '[]',
  quorum_num         INTEGER NOT NULL DEFAULT 2,
  quorum_den         INTEGER NOT NULL DEFAULT 3,
  pass_num           INTEGER NOT NULL DEFAULT 2,
  pass_den           INTEGER NOT NULL DEFAULT 3,
  tie_rule           TEXT NOT NULL DEFAULT 'chair' CHECK (tie_rule IN ('chair', 'votes')),
  aggregation        TEXT NOT NULL DEFAULT 'mean' CHECK (aggregation IN ('mean', 'trimmed-mean')),
  normalise          INTEGER NOT NULL DEFAULT 0,
  promise_days       INTEGER NOT NULL,
  preliminary_days   INTEGER NOT NULL,
  committee_days     INTEGER NOT NULL,
  notice_days        INTEGER NOT NULL,
  decision_days      INTEGER NOT NULL,
  min_notice_days    INTEGER NOT NULL DEFAULT 5,
  opens_on           TEXT,
  closes_on          TEXT,
  status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  copied_from        INTEGER REFERENCES campaigns (id),
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX campaigns_by_year ON campaigns (year, id);

-- The committee. employer, unit and relatives are what automatic conflict
-- checks compare with a nomination (relatives: names or identity numbers,
-- one per line).
CREATE TABLE campaign_members (
  campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),
  account_id   INTEGER NOT NULL REFERENCES accounts (id),
  is_chair     INTEGER NOT NULL DEFAULT 0,
  employer     TEXT NOT NULL DEFAULT '',
  unit         TEXT NOT NULL DEFAULT '',
  relatives    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (campaign_id, account_id)
);

CREATE TABLE nominations (
  id                     INTEGER PRIMARY KEY,
  uid                    TEXT NOT NULL UNIQUE,
  campaign_id            INTEGER NOT NULL REFERENCES campaigns (id),
  pioneer_id             INTEGER NOT NULL REFERENCES pioneers (id),
  nominating_unit        TEXT NOT NULL,
  unit_contact           TEXT NOT NULL DEFAULT '',
  case_text              TEXT NOT NULL DEFAULT '',
  stage                  TEXT NOT NULL CHECK (stage IN ('draft', 'preliminary', 'returned', 'committee',
                           'notice', 'decision', 'conferred', 'declined', 'rejected', 'vetoed',
                           'not-selected', 'withdrawn')),
  stage_since            TEXT NOT NULL,             -- date the current stage began
  submitted_on           TEXT,                      -- first submission
  decided_on             TEXT,                      -- the day it reached a final stage
  preliminary_passed_on  TEXT,                      -- preliminary review passed (vetting may still run)
  service_since          TEXT,                      -- the unit states since when the candidate serves (eligibility)
  checklist_state        TEXT NOT NULL DEFAULT '[]',-- JSON booleans, one per campaign checklist item
  outcome_reason         TEXT,
  honour_id              INTEGER REFERENCES honours (id),
  final_score            REAL,
  rank                   INTEGER,
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL,
  version                INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX nominations_by_campaign ON nominations (campaign_id, stage, id);
CREATE INDEX nominations_by_pioneer ON nominations (pioneer_id);

-- The timeline: one row per visit of a stage, the open one has no left_on.
CREATE TABLE nomination_stages (
  id             INTEGER PRIMARY KEY,
  nomination_id  INTEGER NOT NULL REFERENCES nominations (id),
  stage          TEXT NOT NULL,
  entered_on     TEXT NOT NULL,
  entered_at     INTEGER NOT NULL,
  left_on        TEXT,
  left_at        INTEGER,
  budget_days    INTEGER NOT NULL DEFAULT 0,        -- 0: not counted against the promise
  due_on         TEXT,
  actor_login    TEXT NOT NULL,
  actor_name     TEXT NOT NULL,
  note           TEXT
);
CREATE INDEX nomination_stages_by_nomination ON nomination_stages (nomination_id, id);

-- Materials are kept in the database (base64) so every desk can open them.
CREATE TABLE nomination_materials (
  id             INTEGER PRIMARY KEY,
  uid            TEXT NOT NULL UNIQUE,
  nomination_id  INTEGER NOT NULL REFERENCES nominations (id),
  file_name      TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  size           INTEGER NOT NULL,
  sha256         TEXT NOT NULL,
  content        TEXT NOT NULL,
  added_at       INTEGER NOT NULL,
  added_by       TEXT NOT NULL
);
CREATE INDEX nomination_materials_by_nomination ON nomination_materials (nomination_id);

-- Joint vetting (联审): one sign-off per department named by the campaign.
CREATE TABLE nomination_vettings (
  id               INTEGER PRIMARY KEY,
  nomination_id    INTEGER NOT NULL REFERENCES nominations (id),
  department_code  TEXT NOT NULL,
  department_name  TEXT NOT NULL,
  started_on       TEXT NOT NULL,
  due_on           TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'cleared', 'vetoed')),
  reason           TEXT,
  decided_on       TEXT,
  decided_by       TEXT,
  UNIQUE (nomination_id, department_code)
);

-- Committee review rounds.
CREATE TABLE review_rounds (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),
  number       INTEGER NOT NULL,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_on    TEXT NOT NULL,
  opened_at    INTEGER NOT NULL,
  closed_at    INTEGER,
  aggregation  TEXT NOT NULL,                      -- the choice recorded when the round closed
  normalise    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (campaign_id, number)
);

CREATE TABLE round_nominations (
  round_id       INTEGER NOT NULL REFERENCES review_rounds (id),
  nomination_id  INTEGER NOT NULL REFERENCES nominations (id),
  tie_order      INTEGER,                           -- the chair's order for a flagged tie
  result         TEXT CHECK (result IN ('selected', 'not-selected', 'no-quorum')),
  final_score    REAL,
  rank           INTEGER,
  PRIMARY KEY (round_id, nomination_id)
);

-- A member's declaration for one nomination: automatic (flagged by the
-- checks) or the member's own, made before seeing the nomination.
CREATE TABLE review_declarations (
  round_id       INTEGER NOT NULL REFERENCES review_rounds (id),
  nomination_id  INTEGER NOT NULL REFERENCES nominations (id),
  account_id     INTEGER NOT NULL REFERENCES accounts (id),
  conflict       INTEGER NOT NULL,
  automatic      INTEGER NOT NULL DEFAULT 0,
  reason         TEXT NOT NULL DEFAULT '',
  declared_at    INTEGER NOT NULL,
  PRIMARY KEY (round_id, nomination_id, account_id)
);

CREATE TABLE review_scores (
  round_id       INTEGER NOT NULL REFERENCES review_rounds (id),
  nomination_id  INTEGER NOT NULL REFERENCES nominations (id),
  account_id     INTEGER NOT NULL REFERENCES accounts (id),
  criterion      TEXT NOT NULL,
  score          REAL NOT NULL,
  scored_at      INTEGER NOT NULL,
  PRIMARY KEY (round_id, nomination_id, account_id, criterion)
);

CREATE TABLE review_votes (
  round_id       INTEGER NOT NULL REFERENCES review_rounds (id),
  nomination_id  INTEGER NOT NULL REFERENCES nominations (id),
  account_id     INTEGER NOT NULL REFERENCES accounts (id),
  vote           TEXT NOT NULL CHECK (vote IN ('for', 'against', 'abstain')),
  voted_at       INTEGER NOT NULL,
  PRIMARY KEY (round_id, nomination_id, account_id)
);

-- The chair's reminders; a member's reminder is delivered (in working time)
-- until the round closes or the member has voted.
CREATE TABLE review_reminders (
  id             INTEGER PRIMARY KEY,
  round_id       INTEGER NOT NULL REFERENCES review_rounds (id),
  account_id     INTEGER NOT NULL REFERENCES accounts (id),
  sent_at        INTEGER NOT NULL,
  sent_by        TEXT NOT NULL
);
