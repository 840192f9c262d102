-- The enterprise search pieces stored with the row (a generated column) instead of computed
-- from the names at every read. The index answered rare words, but a word in nearly every name
-- ("公司") made PostgreSQL scan the table and compute the pieces of all 40,000 names for the
-- ledger search: 13 s at national scale. The column is not in schema.prisma: PostgreSQL keeps
-- it, and no Prisma query reads or writes it.
ALTER TABLE "Enterprise" ADD COLUMN "searchGrams" text[]
  GENERATED ALWAYS AS (ledger_grams("nameZh" || ' ' || "nameEn" || ' ' || "code")) STORED;

DROP INDEX "Enterprise_search_grams_idx";

CREATE INDEX "Enterprise_search_grams_idx" ON "Enterprise" USING gin ("searchGrams");

-- The new column's statistics, so a common word plans a scan and a rare one the index.
ANALYZE "Enterprise";
