-- DropIndex
DROP INDEX "IndicatorValue_ledgerItemId_indicatorId_returned_createdAt__idx";

-- CreateIndex
CREATE INDEX "IndicatorValue_ledgerItemId_indicatorId_returned_createdAt__idx" ON "IndicatorValue"("ledgerItemId", "indicatorId", "returned", "createdAt", "entryId", "value");
