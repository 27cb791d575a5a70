-- Schema 9 for PostgreSQL: as migrations/sqlite/0009-portal.sql.
-- Schema 9: the public web portal (xianfeng-portal). An objection may come
-- through the portal: channel 'portal'.

ALTER TABLE objections DROP CONSTRAINT objections_channel_check;
ALTER TABLE objections ADD CONSTRAINT objections_channel_check
  CHECK (channel IN ('phone', 'letter', 'in-person', 'online', 'portal'));
