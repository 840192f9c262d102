-- Enterprise search for one- and two-character text (most Chinese searches: "中车", "张伟"), which
-- the trigram indexes cannot serve: the same pieces as the ledger's responsible person
-- (ledger_grams), over the name, English name and code together. The pieces of the joined text
-- include those of each part, so `grams @> ledger_query_grams(q)` holds for every enterprise
-- that contains q in any of the three, and ILIKE then decides exactly.
CREATE INDEX "Enterprise_search_grams_idx" ON "Enterprise"
  USING gin (ledger_grams("nameZh" || ' ' || "nameEn" || ' ' || "code"));
