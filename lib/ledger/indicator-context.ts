import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { IndicatorSpec } from "./indicator-check";

/**
 * What the indicator checks compare against: each indicator of the item's task with the item's
 * own baseline and target (else the task's), and the value last reported before a moment.
 * Entries that were returned do not count as reported. Batched by ids: one statement for the
 * definitions with their previous values, however many entries are asked about.
 */
export type IndicatorRef = IndicatorSpec & {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
};
export type Previous = { value: number; period: string };

type DefRow = {
  key: string;
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: IndicatorSpec["unit"];
  direction: IndicatorSpec["direction"];
  baseline: string | null;
  target: string | null;
  previousValue: string | null;
  previousPeriod: string | null;
};

export type Subject = {
  /** The caller's key for this subject (an entry id, or anything unique). */
  key: string;
  itemId: string;
  /** Values reported strictly before this moment count as previous. */
  before: Date;
  /** An entry not to count (the entry itself, or the entry being corrected). */
  excludeEntryId?: string | null;
};

export async function indicatorContexts(tx: DbTx, subjects: Subject[]) {
  const out = new Map<string, { indicators: IndicatorRef[]; previous: Map<string, Previous> }>();
  if (!subjects.length) return out;
  const keys = subjects.map((s) => s.key);
  const itemIds = subjects.map((s) => s.itemId);
  const befores = subjects.map((s) => s.before);
  const excludes = subjects.map((s) => s.excludeEntryId ?? null);

  // One statement: each definition with the value last reported before the moment, if any.
  const defs = await tx.$queryRaw<DefRow[]>`
    SELECT s.key, d.id, d.code, d."nameZh", d."nameEn", d.unit::text AS unit,
           d.direction::text AS direction,
           COALESCE(t.baseline, d.baseline)::text AS baseline,
           COALESCE(t.target, d.target)::text AS target,
           v.value::text AS "previousValue", v.period AS "previousPeriod"
    FROM unnest(${keys}::text[], ${itemIds}::uuid[], ${befores}::timestamptz[], ${excludes}::uuid[])
      AS s(key, "itemId", before, "exclude")
    JOIN "LedgerItem" li ON li.id = s."itemId"
    JOIN "IndicatorDefinition" d ON d."taskId" = li."taskId"
    LEFT JOIN "LedgerIndicatorTarget" t ON t."ledgerItemId" = li.id AND t."indicatorId" = d.id
    LEFT JOIN LATERAL (
      SELECT iv.value, p.period FROM "IndicatorValue" iv
      JOIN "ProgressEntry" p ON p.id = iv."entryId"
      WHERE iv."indicatorId" = d.id AND p."ledgerItemId" = s."itemId" AND p."createdAt" < s.before
        AND p."reviewState" <> 'RETURNED' AND p.id IS DISTINCT FROM s."exclude"
      ORDER BY p."createdAt" DESC, p.id DESC LIMIT 1
    ) v ON TRUE
    ORDER BY s.key, d."sortOrder", d.code`;

  const num = (v: string | null) => (v === null ? null : Number(v));
  for (const s of subjects) out.set(s.key, { indicators: [], previous: new Map() });
  for (const d of defs) {
    if (d.previousValue !== null && d.previousPeriod !== null)
      out
        .get(d.key)
        ?.previous.set(d.id, { value: Number(d.previousValue), period: d.previousPeriod });
    out.get(d.key)?.indicators.push({
      id: d.id,
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      unit: d.unit,
      direction: d.direction,
      baseline: num(d.baseline),
      target: num(d.target),
    });
  }
  return out;
}

/** The entry before each given entry on the same item (returned ones skipped), in one statement. */
export async function previousEntries(tx: DbTx, entryIds: string[]) {
  if (!entryIds.length)
    return new Map<string, { id: string; period: string; percentDone: number }>();
  const rows = await tx.$queryRaw<
    { entryId: string; id: string; period: string; percentDone: number }[]
  >`
    SELECT e.id AS "entryId", p.id, p.period, p."percentDone"
    FROM unnest(${entryIds}::uuid[]) AS q(id)
    JOIN "ProgressEntry" e ON e.id = q.id
    CROSS JOIN LATERAL (
      SELECT p.id, p.period, p."percentDone" FROM "ProgressEntry" p
      WHERE p."ledgerItemId" = e."ledgerItemId" AND p."createdAt" < e."createdAt"
        AND p."reviewState" <> 'RETURNED'
      ORDER BY p."createdAt" DESC, p.id DESC LIMIT 1
    ) p`;
  return new Map(rows.map(({ entryId, ...rest }) => [entryId, rest]));
}
