-- Schema 8: cultivate and care (育, 服). Cultivation plans for the targets
-- grown toward an honour, skill training, and the care the organisations
-- give their pioneers: a catalogue of care programmes, batches, care
-- records, hardship cases with two-step approval, and visits.
-- Money is kept in fen (1/100 yuan) as integers, never as reals.

-- One plan per cultivation target (培育对象) while it is open. mentor: a
-- pioneer (师带徒), optionally the accepted apprenticeship that links them.
-- organisation: the managing organisation that reviews it each year.
CREATE TABLE cultivation_plans (
  id                 INTEGER PRIMARY KEY,
  uid                TEXT NOT NULL UNIQUE,
  pioneer_id         INTEGER NOT NULL REFERENCES pioneers (id),
  target_title       TEXT NOT NULL,                -- the honour aimed at: "湖州市劳动模范"
  target_level       TEXT NOT NULL CHECK (target_level IN ('national', 'provincial', 'city', 'county')),
  target_year        INTEGER,                      -- NULL: not set yet
  mentor_id          INTEGER REFERENCES pioneers (id),
  apprenticeship_id  INTEGER REFERENCES apprenticeships (id),
  organisation_id    INTEGER REFERENCES organisations (id),
  starts_on          TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'active'
                     CHECK (status IN ('active', 'nominated', 'achieved', 'closed')),
  close_reason       TEXT,
  nomination_id      INTEGER REFERENCES nominations (id),   -- set by "nominate"
  notes              TEXT NOT NULL DEFAULT '',
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX cultivation_plans_one_open ON cultivation_plans (pioneer_id)
  WHERE status IN ('active', 'nominated');
CREATE INDEX cultivation_plans_by_status ON cultivation_plans (status, organisation_id);

-- Goals (skills, certificates, competitions, innovations) and dated
-- milestones, one table: a milestone is a goal of kind 'milestone'.
CREATE TABLE cultivation_goals (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES cultivation_plans (id),
  kind         TEXT NOT NULL CHECK (kind IN ('skill', 'certificate', 'competition', 'innovation', 'milestone', 'other')),
  title        TEXT NOT NULL,
  due_on       TEXT,                               -- required for milestones
  achieved_on  TEXT,                               -- NULL: not yet
  evidence     TEXT NOT NULL DEFAULT '',
  position     INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX cultivation_goals_by_plan ON cultivation_goals (plan_id, position, id);

-- The managing organisation's yearly review, one per plan and year.
CREATE TABLE cultivation_reviews (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES cultivation_plans (id),
  year         INTEGER NOT NULL,
  reviewed_on  TEXT NOT NULL,
  rating       TEXT NOT NULL CHECK (rating IN ('excellent', 'good', 'fair', 'poor')),
  ready        INTEGER NOT NULL DEFAULT 0,         -- the reviewer finds the target ready to be nominated
  comment      TEXT NOT NULL,
  reviewer     TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  UNIQUE (plan_id, year)
);

-- Skill training (技能培训): courses with participants, hours and results.
CREATE TABLE training_courses (
  id               INTEGER PRIMARY KEY,
  uid              TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL,
  provider         TEXT NOT NULL DEFAULT '',
  skill            TEXT NOT NULL DEFAULT '',
  organisation_id  INTEGER REFERENCES organisations (id),
  region_code      TEXT,
  starts_on        TEXT NOT NULL,
  ends_on          TEXT NOT NULL,
  hours            REAL NOT NULL CHECK (hours > 0),
  capacity         INTEGER,                        -- NULL: no limit
  status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  description      TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX training_courses_by_date ON training_courses (starts_on, id);

CREATE TABLE training_participants (
  id           INTEGER PRIMARY KEY,
  course_id    INTEGER NOT NULL REFERENCES training_courses (id),
  pioneer_id   INTEGER NOT NULL REFERENCES pioneers (id),
  hours        REAL,                               -- attended; NULL until recorded
  result       TEXT NOT NULL DEFAULT 'enrolled' CHECK (result IN ('enrolled', 'passed', 'failed', 'absent')),
  score        REAL,
  certificate  TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  UNIQUE (course_id, pioneer_id)
);
CREATE INDEX training_participants_by_pioneer ON training_participants (pioneer_id);

-- The care catalogue: seeded from data/reference/care-programmes.json the
-- first time it is read while empty, then edited by administrators.
-- rules: JSON eligibility (see src/core/care/xf-care-rules.h).
CREATE TABLE care_programmes (
  id                INTEGER PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  kind              TEXT NOT NULL CHECK (kind IN ('health-check', 'recuperation', 'allowance', 'hardship',
                                                  'festival-visit', 'greeting', 'elderly-care', 'other')),
  name_en           TEXT NOT NULL,
  name_zh           TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',      -- in English
  description_zh    TEXT NOT NULL DEFAULT '',      -- in Chinese
  rules             TEXT NOT NULL DEFAULT '{}',
  yearly_quota      INTEGER,                       -- people a year; NULL: no quota
  yearly_budget     INTEGER,                       -- fen a year; NULL: no budget
  unit_cost         INTEGER NOT NULL DEFAULT 0,    -- fen per person served, the default of batches
  interval_years    INTEGER NOT NULL DEFAULT 1,    -- a gap is "not served for this many years"
  organisation_id   INTEGER REFERENCES organisations (id),   -- who provides it
  active            INTEGER NOT NULL DEFAULT 1,
  position          INTEGER NOT NULL DEFAULT 0,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1
);

-- What the care rules read beyond the registry: retirement and the
-- hardship flag (set by hand or by a finally approved hardship case).
CREATE TABLE care_profiles (
  pioneer_id       INTEGER PRIMARY KEY REFERENCES pioneers (id),
  retired_on       TEXT,
  hardship         INTEGER NOT NULL DEFAULT 0,
  hardship_since   TEXT,
  note             TEXT NOT NULL DEFAULT '',
  updated_at       INTEGER NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);

-- A batch of a programme (this year's recuperation trip): the eligible
-- list taken on reference_on, invitations, answers, places, attendance.
CREATE TABLE care_batches (
  id             INTEGER PRIMARY KEY,
  uid            TEXT NOT NULL UNIQUE,
  programme_id   INTEGER NOT NULL REFERENCES care_programmes (id),
  year           INTEGER NOT NULL,
  title          TEXT NOT NULL,
  reference_on   TEXT NOT NULL,                    -- ages and statuses are taken on this date
  places         INTEGER NOT NULL CHECK (places > 0),
  unit_cost      INTEGER NOT NULL DEFAULT 0,       -- fen per person served
  starts_on      TEXT,
  ends_on        TEXT,
  reply_by       TEXT,                             -- answers are due by this date
  place          TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'inviting', 'closed', 'cancelled')),
  cancel_reason  TEXT,
  notes          TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX care_batches_by_programme ON care_batches (programme_id, year);

CREATE TABLE care_batch_members (
  id              INTEGER PRIMARY KEY,
  batch_id        INTEGER NOT NULL REFERENCES care_batches (id),
  pioneer_id      INTEGER NOT NULL REFERENCES pioneers (id),
  status          TEXT NOT NULL DEFAULT 'listed'
                  CHECK (status IN ('listed', 'invited', 'accepted', 'waitlisted', 'declined', 'attended', 'absent', 'removed')),
  override_reason TEXT,                            -- added although not eligible: why
  invited_on      TEXT,
  answered_on     TEXT,
  decline_reason  TEXT,
  note            TEXT NOT NULL DEFAULT '',
  position        INTEGER NOT NULL DEFAULT 0,      -- waiting-list order
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  UNIQUE (batch_id, pioneer_id)
);
CREATE INDEX care_batch_members_by_pioneer ON care_batch_members (pioneer_id);
-- A member's step counts the places taken and finds the waiting list's
-- first and last without reading the whole list (batches of thousands).
CREATE INDEX care_batch_members_by_status ON care_batch_members (batch_id, status, position);

-- Hardship support (困难帮扶): application → assessment → first approval →
-- final approval (by another person) → payments, recorded not transferred.
-- circumstances and household_income are personal: masked unless allowed.
CREATE TABLE hardship_cases (
  id                 INTEGER PRIMARY KEY,
  uid                TEXT NOT NULL UNIQUE,
  pioneer_id         INTEGER NOT NULL REFERENCES pioneers (id),
  programme_id       INTEGER NOT NULL REFERENCES care_programmes (id),
  year               INTEGER NOT NULL,
  category           TEXT NOT NULL CHECK (category IN ('illness', 'disability', 'accident', 'family', 'income', 'disaster', 'other')),
  circumstances      TEXT NOT NULL,
  household_income   INTEGER,                      -- fen a year
  requested_amount   INTEGER NOT NULL CHECK (requested_amount > 0),
  status             TEXT NOT NULL DEFAULT 'applied'
                     CHECK (status IN ('applied', 'assessed', 'approved-first', 'approved', 'paid', 'rejected', 'withdrawn')),
  applied_on         TEXT NOT NULL,
  applied_by         TEXT NOT NULL,
  assessment         TEXT,
  assessed_amount    INTEGER,
  assessed_on        TEXT,
  assessed_by        TEXT,                         -- login
  first_approved_on  TEXT,
  first_approved_by  TEXT,                         -- login
  approved_on        TEXT,
  approved_by        TEXT,                         -- login
  granted_amount     INTEGER,
  reject_reason      TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX hardship_cases_by_pioneer ON hardship_cases (pioneer_id, year);
CREATE INDEX hardship_cases_by_status ON hardship_cases (status, year);

CREATE TABLE hardship_payments (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES hardship_cases (id),
  paid_on      TEXT NOT NULL,
  amount       INTEGER NOT NULL CHECK (amount > 0),
  reference    TEXT NOT NULL DEFAULT '',           -- the finance office's voucher number
  recorded_by  TEXT NOT NULL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX hardship_payments_by_case ON hardship_payments (case_id, paid_on);

-- Visits (走访慰问): planned with assignees, done with notes.
CREATE TABLE care_visits (
  id             INTEGER PRIMARY KEY,
  uid            TEXT NOT NULL UNIQUE,
  pioneer_id     INTEGER NOT NULL REFERENCES pioneers (id),
  programme_id   INTEGER REFERENCES care_programmes (id),
  purpose        TEXT NOT NULL CHECK (purpose IN ('festival', 'birthday', 'anniversary', 'illness', 'hardship', 'retired', 'other')),
  planned_on     TEXT NOT NULL,
  planned_time   TEXT NOT NULL DEFAULT '',         -- HH:MM
  assignees      TEXT NOT NULL,                    -- names, separated by "、" or ","
  status         TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
  done_on        TEXT,
  amount         INTEGER NOT NULL DEFAULT 0,       -- fen: gifts or money handed over
  notes          TEXT NOT NULL DEFAULT '',
  cancel_reason  TEXT,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX care_visits_by_date ON care_visits (planned_on, id);
CREATE INDEX care_visits_by_pioneer ON care_visits (pioneer_id);

-- Care given: one row per person served (an attended batch place, a health
-- check done, an allowance paid, a visit made, a hardship payment).
CREATE TABLE care_records (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  pioneer_id    INTEGER NOT NULL REFERENCES pioneers (id),
  programme_id  INTEGER NOT NULL REFERENCES care_programmes (id),
  on_date       TEXT NOT NULL,
  amount        INTEGER NOT NULL DEFAULT 0,        -- fen spent on this person
  batch_id      INTEGER REFERENCES care_batches (id),
  visit_id      INTEGER REFERENCES care_visits (id),
  case_id       INTEGER REFERENCES hardship_cases (id),
  note          TEXT NOT NULL DEFAULT '',
  recorded_by   TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE INDEX care_records_by_pioneer ON care_records (pioneer_id, on_date);
CREATE INDEX care_records_by_programme ON care_records (programme_id, on_date);

-- Saved gap views: "who eligible for PROGRAMME has not been served for
-- YEARS years" (无体检满两年…). owner NULL: shared by everyone.
CREATE TABLE care_views (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  programme_id  INTEGER NOT NULL REFERENCES care_programmes (id),
  gap_years     INTEGER NOT NULL CHECK (gap_years > 0),
  region_code   TEXT,
  owner         TEXT,
  created_at    INTEGER NOT NULL
);
