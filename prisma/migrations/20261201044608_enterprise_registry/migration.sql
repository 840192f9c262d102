-- AlterTable
ALTER TABLE "Enterprise" ADD COLUMN     "mergedIntoId" UUID;

-- CreateTable
CREATE TABLE "EnterpriseName" (
    "id" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "shortNameZh" TEXT,
    "shortNameEn" TEXT,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EnterpriseName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseMerge" (
    "id" UUID NOT NULL,
    "survivorId" UUID NOT NULL,
    "absorbedId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" UUID,
    "movedItems" INTEGER NOT NULL,
    "notApplicableItems" INTEGER NOT NULL,
    "movedChildren" INTEGER NOT NULL,
    "movedGrants" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnterpriseMerge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerItemFormerEnterprise" (
    "id" BIGSERIAL NOT NULL,
    "ledgerItemId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "mergeId" UUID NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerItemFormerEnterprise_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EnterpriseName_enterpriseId_validTo_idx" ON "EnterpriseName"("enterpriseId", "validTo");

-- CreateIndex
CREATE UNIQUE INDEX "EnterpriseMerge_absorbedId_key" ON "EnterpriseMerge"("absorbedId");

-- CreateIndex
CREATE INDEX "EnterpriseMerge_survivorId_idx" ON "EnterpriseMerge"("survivorId");

-- CreateIndex
CREATE INDEX "LedgerItemFormerEnterprise_ledgerItemId_validFrom_idx" ON "LedgerItemFormerEnterprise"("ledgerItemId", "validFrom");

-- CreateIndex
CREATE INDEX "LedgerItemFormerEnterprise_enterpriseId_idx" ON "LedgerItemFormerEnterprise"("enterpriseId");

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseName" ADD CONSTRAINT "EnterpriseName_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseMerge" ADD CONSTRAINT "EnterpriseMerge_survivorId_fkey" FOREIGN KEY ("survivorId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseMerge" ADD CONSTRAINT "EnterpriseMerge_absorbedId_fkey" FOREIGN KEY ("absorbedId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItemFormerEnterprise" ADD CONSTRAINT "LedgerItemFormerEnterprise_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItemFormerEnterprise" ADD CONSTRAINT "LedgerItemFormerEnterprise_mergeId_fkey" FOREIGN KEY ("mergeId") REFERENCES "EnterpriseMerge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what the Prisma schema language cannot express.

-- The item a former placement belongs to (no Prisma relation, so the LedgerItem model is untouched).
ALTER TABLE "LedgerItemFormerEnterprise" ADD CONSTRAINT "LedgerItemFormerEnterprise_ledgerItemId_fkey" FOREIGN KEY ("ledgerItemId") REFERENCES "LedgerItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LedgerItemFormerEnterprise" ADD CONSTRAINT "LedgerItemFormerEnterprise_interval" CHECK ("validTo" > "validFrom");
ALTER TABLE "EnterpriseName" ADD CONSTRAINT "EnterpriseName_interval" CHECK ("validTo" >= "validFrom");
ALTER TABLE "EnterpriseMerge" ADD CONSTRAINT "EnterpriseMerge_distinct" CHECK ("survivorId" <> "absorbedId");
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_not_merged_into_itself" CHECK ("mergedIntoId" IS NULL OR "mergedIntoId" <> "id");

-- Former names, merges and former placements are history: appended, never changed or deleted.
CREATE TRIGGER "EnterpriseName_append_only" BEFORE UPDATE OR DELETE ON "EnterpriseName"
  FOR EACH ROW EXECUTE FUNCTION reform_refuse_change();
CREATE TRIGGER "EnterpriseMerge_append_only" BEFORE UPDATE OR DELETE ON "EnterpriseMerge"
  FOR EACH ROW EXECUTE FUNCTION reform_refuse_change();
CREATE TRIGGER "LedgerItemFormerEnterprise_append_only" BEFORE UPDATE OR DELETE ON "LedgerItemFormerEnterprise"
  FOR EACH ROW EXECUTE FUNCTION reform_refuse_change();
