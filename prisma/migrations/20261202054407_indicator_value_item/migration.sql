-- The entry's item and time copied onto each indicator value (entries never move or change
-- time), filled from the entries for existing rows.
ALTER TABLE "IndicatorValue" ADD COLUMN "createdAt" TIMESTAMP(3),
ADD COLUMN "ledgerItemId" UUID;

UPDATE "IndicatorValue" iv SET "ledgerItemId" = pe."ledgerItemId", "createdAt" = pe."createdAt"
FROM "ProgressEntry" pe WHERE pe."id" = iv."entryId";

ALTER TABLE "IndicatorValue" ALTER COLUMN "createdAt" SET NOT NULL,
ALTER COLUMN "ledgerItemId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "IndicatorValue_ledgerItemId_indicatorId_createdAt_idx" ON "IndicatorValue"("ledgerItemId", "indicatorId", "createdAt");
