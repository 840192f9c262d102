/**
 * Ledger items: which enterprise carries which task (a seeded draw per pair), each item's fate
 * (completed in month c, possibly after a returned claim; open and reporting, some stalled; not
 * started; not applicable from the start or marked so later), then the LedgerItem rows and their
 * attribute spans, all derived from g_item in one statement each.
 */
import type pg from "pg";
import { isoDay } from "@/lib/time";
import { uidSql } from "./ids";
import type { Preset } from "./presets";
import { expr, type SqlContext } from "./sql-context";

const DEPTS = [
  "改革办",
  "战略发展部",
  "人力资源部",
  "财务部",
  "科技创新部",
  "党群工作部",
  "法律合规部",
];
const PEOPLE = [
  "王建国",
  "李明",
  "张伟",
  "刘洋",
  "陈静",
  "杨帆",
  "赵磊",
  "黄丽",
  "周强",
  "吴敏",
  "徐涛",
  "孙丽华",
  "马骏",
  "朱红",
  "胡斌",
  "郭芳",
  "何勇",
  "高雅",
  "林峰",
  "罗娟",
];
export const NA_REASON = "经国资委同意，本企业不涉及此项任务。";
export const NA_LATER_REASON = "企业重组后该任务由集团统一实施，经国资委同意不再单独列项。";

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(",")}]`;

export async function createItemPlan(client: pg.ClientBase, ctx: SqlContext, preset: Preset) {
  const last = ctx.cal.lastPeriod;
  const base = isoDay(ctx.cal.base);
  const now = ctx.cal.now.toISOString();
  const monthStart = (m: string) =>
    `(('${base}'::date + make_interval(months => ${m}))::timestamp - interval '8 hours')`;
  await client.query(`
    CREATE TEMP TABLE g_item AS
    WITH a AS (
      SELECT kk.k, e.n AS e, t.n AS t, e.id AS ent, e.root_id, e.sup_id, e.author, e.reviewer,
             t.id AS task, t.cat, t.is_main, t.ind, t.ind_base, t.ind_target,
             t.due_month - CASE WHEN pg_temp.r(kk.k, 19) < 0.15 THEN 3 ELSE 0 END AS due_month,
             pg_temp.r(kk.k, 2) < 0.015 AS na_start,
             CASE WHEN pg_temp.r(kk.k, 4) < 0.02 THEN NULL ELSE floor(pg_temp.r(kk.k, 3) * 3)::int END AS s0,
             floor(pg_temp.r(kk.k, 3) * 3)::int + 2 + floor(36 * pg_temp.r(kk.k, 5) ^ 1.4)::int AS c0
      FROM g_ent e CROSS JOIN g_task t
      CROSS JOIN LATERAL (SELECT e.n::bigint * 1000 + t.n AS k) kk
      WHERE pg_temp.r(kk.k, 1) < CASE WHEN t.is_main THEN ${preset.mainTaskShare} ELSE ${preset.otherTaskShare} END
                                 * CASE WHEN e.depth = 0 THEN 1.4 ELSE 1 END
    ), b AS (
      SELECT a.*, CASE WHEN a.na_start THEN NULL ELSE a.s0 END AS s,
             (NOT a.na_start AND a.s0 IS NOT NULL AND a.c0 <= ${last}) AS completing
      FROM a
    ), c AS (
      SELECT b.*, CASE WHEN b.completing THEN b.c0 END AS c,
             b.completing AND b.c0 - b.s >= 5 AND pg_temp.r(b.k, 6) < 0.06 AS returned,
             CASE WHEN b.s IS NOT NULL AND NOT b.completing THEN greatest(b.s, ${last} -
               CASE WHEN pg_temp.r(b.k, 10) < 0.2 THEN 1 + floor(pg_temp.r(b.k, 15) * 7)::int ELSE 0 END) END AS l_open
      FROM b
    ), d0 AS (
      SELECT c.*,
             CASE WHEN c.l_open - c.s >= 4 AND pg_temp.r(c.k, 17) < 0.02
                  THEN c.s + 2 + floor(pg_temp.r(c.k, 18) * (c.l_open - c.s - 2))::int END AS na_month,
             CASE WHEN c.c IS NOT NULL THEN pg_temp.filed(c.e, c.k, c.c) END AS claim_at
      FROM c
    ), d AS (
      SELECT d0.*, CASE WHEN d0.c IS NULL OR (d0.c = ${last} AND pg_temp.r(d0.k, 7) < 0.5) THEN NULL
                ELSE d0.claim_at + make_interval(days => 2 + floor(pg_temp.r(d0.k, 8) * 6)::int,
                  secs => floor(pg_temp.r(d0.k, 9) * 21600)) END AS approve_raw
      FROM d0
    )
    SELECT d.k, d.e, d.t, ${uidSql(ctx.salt, "item", "d.k")} AS id, d.ent, d.root_id, d.sup_id,
           d.author, d.reviewer, d.task, d.cat, d.is_main, d.ind, d.ind_base, d.ind_target,
           d.na_start, d.s, d.c, d.returned, d.na_month, d.claim_at,
           CASE WHEN d.c IS NOT NULL THEN d.c WHEN d.na_month IS NOT NULL THEN d.na_month - 1 ELSE d.l_open END AS l,
           CASE WHEN d.c IS NOT NULL THEN d.c - 1 WHEN d.na_month IS NOT NULL THEN d.na_month - 1 ELSE d.l_open END AS em,
           CASE WHEN d.c IS NOT NULL THEN 90 ELSE 10 + floor(pg_temp.r(d.k, 16) * 80)::int END AS tp,
           CASE WHEN d.returned THEN pg_temp.filed(d.e, d.k, d.c - 1)
             + make_interval(days => 2 + floor(pg_temp.r(d.k, 22) * 3)::int, hours => 3) END AS return_at,
           -- Approvals after now have not happened yet: those claims are pending.
           CASE WHEN d.approve_raw <= '${now}'::timestamp THEN d.approve_raw END AS approved_at,
           CASE WHEN d.na_month IS NOT NULL THEN ${monthStart("d.na_month")} + interval '20 days' END AS na_at,
           (('${base}'::date + make_interval(months => d.due_month + 1))::date - 1) AS due,
           ${monthStart("0")} AS created
    FROM d ORDER BY d.k`);
  await client.query("ANALYZE g_item");
}

export async function insertItems(client: pg.ClientBase, ctx: SqlContext, programmeId: string) {
  const filedLast = expr.filed("i.l");
  const inserted = await client.query(`
    INSERT INTO "LedgerItem" ("id", "programmeId", "taskId", "categoryId", "isMain", "enterpriseId",
      "supervisorId", "notApplicable", "notApplicableReason", "responsibleDept", "responsiblePerson", "dueDate",
      "status", "percentDone", "lastEntryAt", "claimedAt", "completedAt", "version", "createdAt", "updatedAt")
    SELECT i.id, '${programmeId}'::uuid, i.task, i.cat, i.is_main, i.ent, i.sup_id,
           i.na_start OR i.na_month IS NOT NULL,
           CASE WHEN i.na_start THEN '${NA_REASON}' WHEN i.na_month IS NOT NULL THEN '${NA_LATER_REASON}' END,
           (${sqlArray(DEPTS)})[1 + floor(pg_temp.r(i.k, 23) * ${DEPTS.length})::int],
           (${sqlArray(PEOPLE)})[1 + floor(pg_temp.r(i.k, 24) * ${PEOPLE.length})::int],
           i.due,
           (CASE WHEN i.approved_at IS NOT NULL THEN 'COMPLETED' WHEN i.c IS NOT NULL THEN 'COMPLETION_CLAIMED'
                 WHEN i.s IS NOT NULL THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END)::"LedgerStatus",
           CASE WHEN i.c IS NOT NULL THEN 100 WHEN i.s IS NOT NULL THEN ${expr.pct("i.l")} ELSE 0 END,
           CASE WHEN i.l IS NOT NULL THEN ${filedLast} END,
           i.claim_at, i.approved_at,
           1 + COALESCE(i.l - i.s + 1, 0) + CASE WHEN i.returned THEN 1 ELSE 0 END
             + CASE WHEN i.approved_at IS NOT NULL THEN 1 ELSE 0 END,
           i.created,
           greatest(i.created, CASE WHEN i.l IS NOT NULL THEN ${filedLast} END, i.return_at, i.approved_at)
    FROM g_item i ORDER BY i.k`);
  await client.query(`
    INSERT INTO "LedgerItemSpan" ("ledgerItemId", "isMain", "categoryId", "notApplicable",
      "notApplicableReason", "validFrom", "validTo")
    SELECT i.id, i.is_main, i.cat, i.na_start, CASE WHEN i.na_start THEN '${NA_REASON}' END, i.created, i.na_at
    FROM g_item i ORDER BY i.k`);
  await client.query(`
    INSERT INTO "LedgerItemSpan" ("ledgerItemId", "isMain", "categoryId", "notApplicable",
      "notApplicableReason", "validFrom", "validTo")
    SELECT i.id, i.is_main, i.cat, true, '${NA_LATER_REASON}', i.na_at, NULL
    FROM g_item i WHERE i.na_month IS NOT NULL ORDER BY i.k`);
  return inserted.rowCount ?? 0;
}
