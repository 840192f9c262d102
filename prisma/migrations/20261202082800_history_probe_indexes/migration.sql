-- DropIndex
DROP INDEX "LedgerStatusEvent_ledgerItemId_at_idx";

-- DropIndex
DROP INDEX "ProgressEntry_ledgerItemId_createdAt_idx";

-- CreateIndex
CREATE INDEX "LedgerStatusEvent_ledgerItemId_at_id_toStatus_percentDone_idx" ON "LedgerStatusEvent"("ledgerItemId", "at", "id", "toStatus", "percentDone");

-- CreateIndex
CREATE INDEX "ProgressEntry_ledgerItemId_createdAt_percentDone_idx" ON "ProgressEntry"("ledgerItemId", "createdAt", "percentDone");
