-- Schema 2: accounts with roles and scopes, and the tamper-evident audit
-- trail. After this file XfStore calls _xf_audit_adopt_legacy(), which gives
-- the database its uid and moves pioneer_changes into the chain (hashing
-- needs C), then drops pioneer_changes: a file's history is the audit trail.

CREATE TABLE database_info (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);

CREATE TABLE accounts (
  id                    INTEGER PRIMARY KEY,
  uid                   TEXT NOT NULL UNIQUE,
  login                 TEXT NOT NULL UNIQUE,
  display_name          TEXT NOT NULL,
  password_hash         TEXT NOT NULL,
  disabled              INTEGER NOT NULL DEFAULT 0,
  must_change_password  INTEGER NOT NULL DEFAULT 0,
  failed_sign_ins       INTEGER NOT NULL DEFAULT 0,
  locked_until          INTEGER NOT NULL DEFAULT 0,
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL,
  version               INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE account_grants (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts (id),
  role        TEXT NOT NULL
              CHECK (role IN ('administrator', 'clerk', 'reviewer', 'dispatcher', 'auditor')),
  scope       TEXT NOT NULL CHECK (scope IN ('all', 'region', 'organisation')),
  value       TEXT NOT NULL DEFAULT '',
  UNIQUE (account_id, role, scope, value)
);

-- seq runs from 1 without gaps; hash chains each row to the one before.
CREATE TABLE audit_log (
  seq           INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,
  actor_login   TEXT NOT NULL,
  actor_name    TEXT NOT NULL,
  action        TEXT NOT NULL,
  record_type   TEXT NOT NULL,
  record_uid    TEXT,
  record_label  TEXT,
  field         TEXT,
  old_value     TEXT,
  new_value     TEXT,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE INDEX audit_log_by_record ON audit_log (record_uid, seq);
CREATE INDEX audit_log_by_actor ON audit_log (actor_login, seq);
CREATE INDEX audit_log_by_at ON audit_log (at);

-- Insert-only for the application.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE (ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE (ABORT, 'the audit trail is append-only');
END;
