-- Schema 5: services (点单 → 抢单 → 点赞), apprenticeships (我要拜师, 师带徒),
-- activities (政策宣讲, 技能活动) and the engagement events the pioneer
-- index reads.

-- The service catalogue: seeded from data/reference/services.json the first
-- time it is read while empty, then edited by administrators (audited).
-- grp: 'lifecycle' (the lifecycle's service items, stage set) or
-- 'common-prosperity' (助力共富, the ten). Response time: how long a
-- request may wait unclaimed, in working hours or working days.
CREATE TABLE service_items (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  grp              TEXT NOT NULL CHECK (grp IN ('lifecycle', 'common-prosperity')),
  stage            TEXT CHECK (stage IN ('cultivate', 'evaluate', 'manage', 'serve', 'deploy')),
  name_en          TEXT NOT NULL,
  name_zh          TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  keywords         TEXT NOT NULL DEFAULT '',   -- space-separated, matched against pioneers' skills
  industries       TEXT NOT NULL DEFAULT '',   -- space-separated industry codes (GB/T 4754 sections) that suit it
  response_unit    TEXT NOT NULL DEFAULT 'days' CHECK (response_unit IN ('hours', 'days')),
  response_amount  INTEGER NOT NULL DEFAULT 2 CHECK (response_amount > 0),
  active           INTEGER NOT NULL DEFAULT 1,
  position         INTEGER NOT NULL DEFAULT 0,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);

-- A pioneer's serviceable items (可服务事项).
CREATE TABLE service_offers (
  id                  INTEGER PRIMARY KEY,
  uid                 TEXT NOT NULL UNIQUE,
  pioneer_id          INTEGER NOT NULL REFERENCES pioneers (id),
  item_id             INTEGER NOT NULL REFERENCES service_items (id),
  description         TEXT NOT NULL DEFAULT '',
  regions             TEXT NOT NULL DEFAULT '',  -- space-separated region codes served; '' = the pioneer's own region
  mode                TEXT NOT NULL DEFAULT 'on-site' CHECK (mode IN ('on-site', 'remote', 'both')),
  capacity_per_month  INTEGER NOT NULL DEFAULT 4 CHECK (capacity_per_month > 0),
  available           INTEGER NOT NULL DEFAULT 1,
  available_until     TEXT,                      -- NULL: open-ended
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1,
  UNIQUE (pioneer_id, item_id)
);
CREATE INDEX service_offers_by_item ON service_offers (item_id, available, pioneer_id);

-- A request (点单). code: the short public request code (issue 11's
-- "my request"). source_id: the public channel's own id, so an imported
-- line is never taken twice. booked_pioneer_id: a booking (a chosen
-- pioneer). claimed_by: the pioneer who has it (the first valid claim, an
-- accepted booking or the dispatcher's assignment). response_due_at: when
-- it is flagged if still unclaimed.
CREATE TABLE service_requests (
  id                 INTEGER PRIMARY KEY,
  uid                TEXT NOT NULL UNIQUE,
  code               TEXT NOT NULL UNIQUE,
  source_id          TEXT UNIQUE,
  channel            TEXT NOT NULL DEFAULT 'desk' CHECK (channel IN ('desk', 'import', 'portal')),
  requester_name     TEXT NOT NULL,
  requester_contact  TEXT NOT NULL,            -- personal: masked unless the actor may see it
  item_id            INTEGER NOT NULL REFERENCES service_items (id),
  region_code        TEXT NOT NULL,
  place              TEXT NOT NULL DEFAULT '',
  needed_by          TEXT,                     -- YYYY-MM-DD
  preferred_time     TEXT NOT NULL DEFAULT '',
  description        TEXT NOT NULL,
  booked_pioneer_id  INTEGER REFERENCES pioneers (id),
  status             TEXT NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open', 'booked', 'claimed', 'in-progress', 'done', 'cancelled', 'expired')),
  claimed_by         INTEGER REFERENCES pioneers (id),
  claimed_at         INTEGER,
  claim_kind         TEXT CHECK (claim_kind IN ('claim', 'booking', 'assignment')),
  response_due_at    INTEGER NOT NULL,
  started_at         INTEGER,
  done_at            INTEGER,
  done_note          TEXT,
  cancel_reason      TEXT,
  closed_at          INTEGER,                  -- done, cancelled or expired
  created_by         TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX service_requests_by_status ON service_requests (status, response_due_at);
CREATE INDEX service_requests_by_claimer ON service_requests (claimed_by, claimed_at);
CREATE INDEX service_requests_by_booking ON service_requests (booked_pioneer_id);
CREATE INDEX service_requests_by_item ON service_requests (item_id, created_at);

-- Every claim attempt, won or lost, with the reason it lost.
CREATE TABLE service_claims (
  id            INTEGER PRIMARY KEY,
  request_id    INTEGER NOT NULL REFERENCES service_requests (id),
  pioneer_id    INTEGER NOT NULL REFERENCES pioneers (id),
  attempted_at  INTEGER NOT NULL,
  won           INTEGER NOT NULL DEFAULT 0,
  reason        TEXT,                          -- why it lost
  recorded_by   TEXT NOT NULL
);
CREATE INDEX service_claims_by_request ON service_claims (request_id, id);

-- A request's timeline, appended, never edited. kind: created, booked,
-- claimed, claim-lost, accepted, declined, assigned, started, done,
-- cancelled, expired, flagged, rated, complaint, follow-up-closed, note.
CREATE TABLE service_request_events (
  id          INTEGER PRIMARY KEY,
  request_id  INTEGER NOT NULL REFERENCES service_requests (id),
  at          INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  actor       TEXT NOT NULL,
  pioneer_id  INTEGER REFERENCES pioneers (id),
  detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX service_request_events_by_request ON service_request_events (request_id, id);

-- Feedback (点赞/评价) on a done request, once. A complaint opens a
-- follow-up for the dispatcher.
CREATE TABLE service_feedback (
  request_id        INTEGER PRIMARY KEY REFERENCES service_requests (id),
  rating            INTEGER CHECK (rating BETWEEN 1 AND 5),
  liked             INTEGER NOT NULL DEFAULT 0,
  comment           TEXT NOT NULL DEFAULT '',
  complaint         TEXT,
  follow_up_status  TEXT CHECK (follow_up_status IN ('open', 'closed')),
  follow_up_note    TEXT,
  follow_up_closed_at INTEGER,
  follow_up_closed_by TEXT,
  created_at        INTEGER NOT NULL,
  created_by        TEXT NOT NULL
);
CREATE INDEX service_feedback_by_follow_up ON service_feedback (follow_up_status);

-- Apprenticeship requests (我要拜师) and, once accepted, mentoring (师带徒).
CREATE TABLE apprenticeships (
  id                  INTEGER PRIMARY KEY,
  uid                 TEXT NOT NULL UNIQUE,
  pioneer_id          INTEGER NOT NULL REFERENCES pioneers (id),   -- the master
  apprentice_name     TEXT NOT NULL,
  apprentice_contact  TEXT NOT NULL DEFAULT '',  -- personal
  apprentice_employer TEXT NOT NULL DEFAULT '',
  apprentice_pioneer_id INTEGER REFERENCES pioneers (id),          -- when the apprentice has a file (a cultivation target)
  goal                TEXT NOT NULL,
  status              TEXT NOT NULL DEFAULT 'requested'
                      CHECK (status IN ('requested', 'accepted', 'declined', 'completed', 'cancelled')),
  plan                TEXT,
  decline_reason      TEXT,
  requested_on        TEXT NOT NULL,
  decided_on          TEXT,
  ends_on             TEXT,                    -- the plan's intended end
  completed_on        TEXT,
  completion_note     TEXT,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX apprenticeships_by_pioneer ON apprenticeships (pioneer_id, status);

CREATE TABLE apprenticeship_check_ins (
  id                 INTEGER PRIMARY KEY,
  apprenticeship_id  INTEGER NOT NULL REFERENCES apprenticeships (id),
  on_date            TEXT NOT NULL,
  note               TEXT NOT NULL,
  recorded_by        TEXT NOT NULL,
  created_at         INTEGER NOT NULL
);
CREATE INDEX apprenticeship_check_ins_by_apprenticeship ON apprenticeship_check_ins (apprenticeship_id, on_date);

-- Policy lectures (政策宣讲) and skill activities (技能活动) a pioneer initiates.
CREATE TABLE activities (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  pioneer_id    INTEGER NOT NULL REFERENCES pioneers (id),   -- the initiator
  kind          TEXT NOT NULL CHECK (kind IN ('lecture', 'skill')),
  title         TEXT NOT NULL,
  item_id       INTEGER REFERENCES service_items (id),
  held_on       TEXT NOT NULL,                 -- YYYY-MM-DD
  start_time    TEXT NOT NULL DEFAULT '',      -- HH:MM
  place         TEXT NOT NULL,
  region_code   TEXT,
  capacity      INTEGER,                       -- NULL: no limit
  description   TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  cancel_reason TEXT,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX activities_by_pioneer ON activities (pioneer_id, held_on);
CREATE INDEX activities_by_date ON activities (held_on);

-- Participants: members of the public, or pioneers joining (pioneer_id).
-- attended: NULL until attendance is taken.
CREATE TABLE activity_participants (
  id           INTEGER PRIMARY KEY,
  activity_id  INTEGER NOT NULL REFERENCES activities (id),
  name         TEXT NOT NULL,
  contact      TEXT NOT NULL DEFAULT '',       -- personal
  pioneer_id   INTEGER REFERENCES pioneers (id),
  attended     INTEGER,
  created_at   INTEGER NOT NULL
);
CREATE INDEX activity_participants_by_activity ON activity_participants (activity_id, id);

-- Engagement events for the pioneer index (issue 8 reads and imports them).
-- source: 'app' (recorded by the app's own actions), 'import', 'portal'.
-- (source, source_id) is unique so that nothing counts twice.
CREATE TABLE engagement_events (
  id           INTEGER PRIMARY KEY,
  pioneer_id   INTEGER NOT NULL REFERENCES pioneers (id),
  kind         TEXT NOT NULL,
  occurred_at  INTEGER NOT NULL,
  occurred_on  TEXT NOT NULL,                  -- local date, for monthly sums
  source       TEXT NOT NULL DEFAULT 'app',
  source_id    TEXT NOT NULL,
  visitor      TEXT,                           -- who caused it (hashed), for caps
  record_uid   TEXT,                           -- the request, activity or apprenticeship
  value        REAL NOT NULL DEFAULT 1,        -- e.g. the rating for service-rated
  UNIQUE (source, source_id)
);
CREATE INDEX engagement_events_by_pioneer ON engagement_events (pioneer_id, occurred_on);
CREATE INDEX engagement_events_by_day ON engagement_events (occurred_on, kind);
