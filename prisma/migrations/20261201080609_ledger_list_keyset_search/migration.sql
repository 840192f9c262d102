-- DropIndex
DROP INDEX "LedgerItem_dueDate_idx";

-- CreateIndex
CREATE INDEX "LedgerItem_dueDate_id_idx" ON "LedgerItem"("dueDate", "id");

-- CreateIndex
CREATE INDEX "LedgerItem_dueDate_desc_id_idx" ON "LedgerItem"("dueDate" DESC, "id");

-- CreateIndex
CREATE INDEX "LedgerItem_percentDone_id_idx" ON "LedgerItem"("percentDone", "id");

-- CreateIndex
CREATE INDEX "LedgerItem_percentDone_desc_id_idx" ON "LedgerItem"("percentDone" DESC, "id");

-- CreateIndex
CREATE INDEX "LedgerItem_lastEntryAt_id_idx" ON "LedgerItem"("lastEntryAt", "id");

-- CreateIndex
CREATE INDEX "LedgerItem_lastEntryAt_desc_id_idx" ON "LedgerItem"("lastEntryAt" DESC, "id");

-- Search (lib/ledger/list-search.ts): the tasks and enterprises that match first, through
-- trigram indexes (used from three characters on), then items by those ids.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Task_titleZh_trgm_idx" ON "Task" USING gin ("titleZh" gin_trgm_ops);
CREATE INDEX "Task_titleEn_trgm_idx" ON "Task" USING gin ("titleEn" gin_trgm_ops);
CREATE INDEX "Enterprise_nameZh_trgm_idx" ON "Enterprise" USING gin ("nameZh" gin_trgm_ops);
CREATE INDEX "Enterprise_nameEn_trgm_idx" ON "Enterprise" USING gin ("nameEn" gin_trgm_ops);
CREATE INDEX "EnterpriseName_nameZh_trgm_idx" ON "EnterpriseName" USING gin ("nameZh" gin_trgm_ops);
CREATE INDEX "EnterpriseName_nameEn_trgm_idx" ON "EnterpriseName" USING gin ("nameEn" gin_trgm_ops);

-- The responsible person is searched on the items themselves, mostly by a two-character name,
-- which trigrams cannot index: index the lower-cased one- and two-character pieces instead. Every
-- piece of the query (one for a one-character query, else its two-character pieces) is in the
-- pieces of any text that contains it, ignoring case as ILIKE does (lower()), so
-- `ledger_grams(col) @> ledger_query_grams(q) AND col ILIKE '%q%'` is exactly the ILIKE alone.
CREATE FUNCTION ledger_grams(s text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT array_agg(DISTINCT substr(y.l, i, n))
   FROM (SELECT lower(s) AS l) y, generate_series(1, 2) n, generate_series(1, length(y.l) - n + 1) i $$;
CREATE FUNCTION ledger_query_grams(q text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT CASE WHEN length(y.l) < 2 THEN ARRAY[y.l]
   ELSE ARRAY(SELECT substr(y.l, i, 2) FROM generate_series(1, length(y.l) - 1) i) END
   FROM (SELECT lower(q) AS l) y $$;
CREATE INDEX "LedgerItem_responsiblePerson_grams_idx" ON "LedgerItem"
  USING gin (ledger_grams("responsiblePerson"));
