-- DropIndex
DROP INDEX "IndicatorValue_ledgerItemId_indicatorId_createdAt_idx";

-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "returned" BOOLEAN NOT NULL DEFAULT false;

-- Backfill: values of entries already returned
UPDATE "IndicatorValue" iv SET "returned" = true
FROM "ProgressEntry" pe WHERE pe."id" = iv."entryId" AND pe."reviewState" = 'RETURNED';

-- CreateIndex
CREATE INDEX "IndicatorValue_ledgerItemId_indicatorId_returned_createdAt__idx" ON "IndicatorValue"("ledgerItemId", "indicatorId", "returned", "createdAt", "entryId");
