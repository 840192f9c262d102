-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Session_userId_expiresAt_idx" ON "Session"("userId", "expiresAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit journal is hash-chained: each row's "hash" is SHA-256 over a canonical text of the
-- row (a JSON array of its fields, jsonb's normalised form for before/after) including
-- "prevHash", the hash of the row before it. lib/audit/verify.ts recomputes the chain with the
-- same canonical text. Function bodies write their semicolons as \x3B (the migration engine
-- splits scripts at every semicolon).
CREATE FUNCTION reform_audit_canonical(
  bigint, timestamp, uuid, text, text, text, text, jsonb, jsonb, text, text
) RETURNS text LANGUAGE sql STABLE AS
  'SELECT jsonb_build_array($1, to_char($2, ''YYYY-MM-DD"T"HH24:MI:SS.US''), $3, $4, $5, $6, $7, $8, $9, $10, $11)::text';

CREATE FUNCTION reform_audit_hash(canonical text) RETURNS text LANGUAGE sql IMMUTABLE AS
  'SELECT encode(sha256(convert_to(canonical, ''UTF8'')), ''hex'')';

-- Rows written before the chain existed: chain them in id order (the append-only trigger is
-- lifted for this one statement, inside the migration's transaction).
ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only";
DO E'DECLARE r record\x3B prev text\x3B h text\x3B
BEGIN
  FOR r IN SELECT * FROM "AuditLog" ORDER BY id LOOP
    h := reform_audit_hash(reform_audit_canonical(r.id, r.at, r."actorId", r."actorLabel", r.action,
      r."entityType", r."entityId", r.before, r.after, r."requestId", prev))\x3B
    UPDATE "AuditLog" SET "prevHash" = prev, hash = h WHERE id = r.id\x3B
    prev := h\x3B
  END LOOP\x3B
END';
ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";

-- One writer at a time: the statement-level trigger takes a transaction-scoped advisory lock
-- BEFORE the rows' ids are drawn from the sequence, so ids grow in the order rows join the chain
-- and the chain is linear in id order. The lock is held until commit.
CREATE FUNCTION reform_audit_lock() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM pg_advisory_xact_lock(727002)\x3B RETURN NULL\x3B END';
CREATE TRIGGER "AuditLog_chain_lock" BEFORE INSERT ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION reform_audit_lock();

-- Each row links to the newest row (rows earlier in the same statement are visible here). Under
-- REPEATABLE READ or SERIALIZABLE the snapshot could predate the last writer's commit and fork
-- the chain, so audit rows are only written under READ COMMITTED (Prisma's default).
CREATE FUNCTION reform_audit_chain() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
  IF current_setting(''transaction_isolation'') <> ''read committed'' THEN
    RAISE EXCEPTION ''AuditLog rows are written under READ COMMITTED only''\x3B
  END IF\x3B
  PERFORM pg_advisory_xact_lock(727002)\x3B
  NEW."prevHash" := (SELECT a.hash FROM "AuditLog" a ORDER BY a.id DESC LIMIT 1)\x3B
  NEW.hash := reform_audit_hash(reform_audit_canonical(NEW.id, NEW.at, NEW."actorId",
    NEW."actorLabel", NEW.action, NEW."entityType", NEW."entityId", NEW.before, NEW.after,
    NEW."requestId", NEW."prevHash"))\x3B
  RETURN NEW\x3B
END';
CREATE TRIGGER "AuditLog_chain" BEFORE INSERT ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION reform_audit_chain();

-- Row triggers do not see TRUNCATE: refuse it as well.
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION reform_refuse_change();
