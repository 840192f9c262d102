-- The enterprise's supervisor now, on each item: a province's list pages walk its own items in
-- order through the indexes below, where they walked the whole country's and checked each item's
-- enterprise. Filled before the indexes exist (one pass), then kept by the triggers below.
-- AlterTable
ALTER TABLE "LedgerItem" ADD COLUMN     "supervisorId" UUID;

UPDATE "LedgerItem" li SET "supervisorId" = e."supervisorId"
FROM "Enterprise" e WHERE e."id" = li."enterpriseId";
ALTER TABLE "LedgerItem" ALTER COLUMN "supervisorId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "LedgerItem_supervisorId_dueDate_id_idx" ON "LedgerItem"("supervisorId", "dueDate", "id");

-- CreateIndex
CREATE INDEX "LedgerItem_supervisorId_percentDone_id_idx" ON "LedgerItem"("supervisorId", "percentDone", "id");

-- CreateIndex
CREATE INDEX "LedgerItem_supervisorId_lastEntryAt_id_idx" ON "LedgerItem"("supervisorId", "lastEntryAt", "id");

-- Kept by the database, whoever writes: an item takes its enterprise supervisor when inserted
-- and when it moves to another enterprise, and the items of an enterprise handed to another
-- supervisor follow it. Semicolons spelled \x3B (see the first migration).
CREATE FUNCTION reform_item_supervisor() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN NEW."supervisorId" := (SELECT e."supervisorId" FROM "Enterprise" e WHERE e."id" = NEW."enterpriseId")\x3B RETURN NEW\x3B END';
CREATE TRIGGER "LedgerItem_supervisor" BEFORE INSERT OR UPDATE OF "enterpriseId" ON "LedgerItem"
  FOR EACH ROW EXECUTE FUNCTION reform_item_supervisor();
CREATE FUNCTION reform_enterprise_items_supervisor() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN UPDATE "LedgerItem" SET "supervisorId" = NEW."supervisorId" WHERE "enterpriseId" = NEW."id"\x3B RETURN NULL\x3B END';
CREATE TRIGGER "Enterprise_items_supervisor" AFTER UPDATE OF "supervisorId" ON "Enterprise"
  FOR EACH ROW WHEN (OLD."supervisorId" IS DISTINCT FROM NEW."supervisorId")
  EXECUTE FUNCTION reform_enterprise_items_supervisor();
