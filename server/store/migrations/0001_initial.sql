-- The schema of SqliteStore's version 3, in Postgres types. Times are milliseconds since 1970 (BIGINT).
CREATE TABLE workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  partners TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  flow TEXT NOT NULL DEFAULT 'joint'
);
CREATE TABLE participants (
  id TEXT NOT NULL,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  partner TEXT NOT NULL,
  role TEXT NOT NULL,
  access TEXT NOT NULL,
  token_hash BYTEA NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  -- Insertion order, for people created in the same millisecond (SQLite has its rowid).
  ord BIGSERIAL NOT NULL,
  PRIMARY KEY (workshop_id, id)
);
CREATE TABLE doc_updates (
  seq BIGSERIAL PRIMARY KEY,
  room TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX doc_updates_room ON doc_updates (room, seq);
CREATE INDEX doc_updates_workshop ON doc_updates (workshop_id);
CREATE TABLE doc_snapshots (
  room TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  data BYTEA NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX doc_snapshots_workshop ON doc_snapshots (workshop_id);
CREATE TABLE doc_versions (
  id BIGSERIAL PRIMARY KEY,
  room TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  card_count INTEGER NOT NULL,
  state BYTEA NOT NULL
);
CREATE INDEX doc_versions_room ON doc_versions (room, id);
CREATE INDEX doc_versions_workshop ON doc_versions (workshop_id);
CREATE TABLE doc_clients (
  room TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  client_id BIGINT NOT NULL,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (room, client_id)
);
CREATE INDEX doc_clients_workshop ON doc_clients (workshop_id);
