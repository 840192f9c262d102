-- The audit chain is extended at COMMIT instead of at INSERT. Before, the insert took the
-- chain's advisory lock and held it to the end of the transaction, so every audited write in
-- the system waited while one transaction finished its round trips (about 50 writes a second).
-- Now a row is inserted unchained (no hash) under a provisional id, and a deferred constraint
-- trigger, run by COMMIT itself, takes the lock, draws the row's final id (so ids still grow in
-- chain order and lib/audit/verify.ts reads the chain in id order, unchanged), and sets
-- "prevHash" and "hash". The lock is then held only for COMMIT's own work. Function bodies write
-- their semicolons as \x3B (the migration engine splits scripts at every semicolon).
DROP TRIGGER "AuditLog_chain_lock" ON "AuditLog";
DROP TRIGGER "AuditLog_chain" ON "AuditLog";
DROP FUNCTION reform_audit_lock();
DROP FUNCTION reform_audit_chain();

-- Append-only still, but for the chaining update of a row not yet chained (no hash: it exists
-- only inside its own, uncommitted transaction), made by the trigger below.
CREATE FUNCTION reform_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
  IF TG_OP = ''UPDATE'' AND OLD.hash IS NULL
     AND current_setting(''reform.audit_chaining'', true) = ''on'' THEN
    RETURN NEW\x3B
  END IF\x3B
  RAISE EXCEPTION ''% is append-only'', TG_TABLE_NAME\x3B
END';
DROP TRIGGER "AuditLog_append_only" ON "AuditLog";
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION reform_audit_append_only();

-- Each row links to the newest chained row. Under REPEATABLE READ or SERIALIZABLE the snapshot
-- could predate the last writer's commit and fork the chain, so rows are chained under READ
-- COMMITTED only (Prisma's default).
CREATE FUNCTION reform_audit_chain() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE final bigint\x3B prev text\x3B
BEGIN
  IF current_setting(''transaction_isolation'') <> ''read committed'' THEN
    RAISE EXCEPTION ''AuditLog rows are written under READ COMMITTED only''\x3B
  END IF\x3B
  PERFORM pg_advisory_xact_lock(727002)\x3B
  final := nextval(pg_get_serial_sequence(''"AuditLog"'', ''id''))\x3B
  prev := (SELECT a.hash FROM "AuditLog" a WHERE a.hash IS NOT NULL ORDER BY a.id DESC LIMIT 1)\x3B
  PERFORM set_config(''reform.audit_chaining'', ''on'', true)\x3B
  UPDATE "AuditLog" SET id = final, "prevHash" = prev,
    hash = reform_audit_hash(reform_audit_canonical(final, NEW.at, NEW."actorId",
      NEW."actorLabel", NEW.action, NEW."entityType", NEW."entityId", NEW.before, NEW.after,
      NEW."requestId", prev))
  WHERE id = NEW.id\x3B
  PERFORM set_config(''reform.audit_chaining'', ''off'', true)\x3B
  RETURN NULL\x3B
END';
CREATE CONSTRAINT TRIGGER "AuditLog_chain" AFTER INSERT ON "AuditLog"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reform_audit_chain();
