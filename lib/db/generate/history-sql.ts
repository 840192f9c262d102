/**
 * The append-only history of the generated items, one INSERT ... SELECT per table, from the same
 * closed forms as the items' current columns (sql-context.ts): monthly progress entries and
 * completion claims, a status event for every status change, the reviews of claims (approved or
 * returned), indicator values, link evidence on some claims, and round filings.
 *
 * Routine progress entries are marked APPROVED (SUBMITTED in the last reported month) without an
 * EntryReview row each: at national scale that would be another 20M rows that no figure reads.
 */
import type pg from "pg";
import { isoDay } from "@/lib/time";
import { uidSql } from "./ids";
import { expr, type SqlContext } from "./sql-context";

const NARRATIVES = [
  "按计划推进，本月完成阶段性工作。",
  "已召开专题会议研究部署，相关制度正在起草。",
  "制度文件已提交审议，配套措施同步推进。",
  "试点单位工作进展顺利，正在总结经验。",
  "本月完成调研和方案论证，下月组织实施。",
  "受外部因素影响进度略有滞后，已制定赶工措施。",
];

const arr = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(",")}]`;

export async function insertEntries(client: pg.ClientBase, ctx: SqlContext) {
  const claim = `(m = i.c OR (i.returned AND m = i.c - 1))`;
  const result = await client.query(`
    INSERT INTO "ProgressEntry" ("id", "ledgerItemId", "kind", "periodType", "period", "periodStart",
      "periodEnd", "roundId", "narrative", "percentDone", "status", "reviewState", "late", "authorId", "createdAt")
    SELECT ${uidSql(ctx.salt, "entry", "i.k", "m")}, i.id,
           (CASE WHEN ${claim} THEN 'COMPLETION_CLAIM' ELSE 'PROGRESS' END)::"EntryKind",
           'MONTH'::"PeriodType", g.period, g.pstart, g.pend, g.round,
           CASE WHEN ${claim} THEN '已完成全部工作，申请销号。'
                ELSE (${arr(NARRATIVES)})[1 + floor(pg_temp.r(i.k * 64 + m, 21) * ${NARRATIVES.length})::int] END,
           CASE WHEN ${claim} THEN 100 ELSE ${expr.pct("m")} END,
           (CASE WHEN ${claim} THEN 'COMPLETION_CLAIMED' ELSE 'IN_PROGRESS' END)::"LedgerStatus",
           (CASE WHEN m = i.c THEN (CASE WHEN i.approved_at IS NOT NULL THEN 'APPROVED' ELSE 'SUBMITTED' END)
                 WHEN i.returned AND m = i.c - 1 THEN 'RETURNED'
                 WHEN m < ${ctx.cal.lastPeriod} THEN 'APPROVED' ELSE 'SUBMITTED' END)::"ReviewState",
           pg_temp.fday(i.e, m) >= 10, i.author, ${expr.filed("m")}
    FROM g_item i ${expr.entryMonths(ctx.fileChance, "JOIN g_month g ON g.mi = m")}`);
  return result.rowCount ?? 0;
}

export async function insertStatusEvents(client: pg.ClientBase, ctx: SqlContext) {
  const entry = (m: string) => uidSql(ctx.salt, "entry", "i.k", m);
  const result = await client.query(`
    INSERT INTO "LedgerStatusEvent" ("ledgerItemId", "fromStatus", "toStatus", "percentDone", "at", "actorId", "entryId")
    SELECT id, "from"::"LedgerStatus", "to"::"LedgerStatus", pct, at, actor, entry FROM (
      SELECT i.k, 0 AS o, i.id, 'NOT_STARTED' AS "from", 'IN_PROGRESS' AS "to", ${expr.pct("i.s")} AS pct,
             ${expr.filed("i.s")} AS at, i.author AS actor, ${entry("i.s")} AS entry
      FROM g_item i WHERE i.s IS NOT NULL
      UNION ALL
      SELECT i.k, 1, i.id, 'IN_PROGRESS', 'COMPLETION_CLAIMED', 100, ${expr.filed("i.c - 1")}, i.author, ${entry("i.c - 1")}
      FROM g_item i WHERE i.returned
      UNION ALL
      SELECT i.k, 2, i.id, 'COMPLETION_CLAIMED', 'IN_PROGRESS', ${expr.pct("i.c - 2")}, i.return_at, i.reviewer, ${entry("i.c - 1")}
      FROM g_item i WHERE i.returned
      UNION ALL
      SELECT i.k, 3, i.id, 'IN_PROGRESS', 'COMPLETION_CLAIMED', 100, i.claim_at, i.author, ${entry("i.c")}
      FROM g_item i WHERE i.c IS NOT NULL
      UNION ALL
      SELECT i.k, 4, i.id, 'COMPLETION_CLAIMED', 'COMPLETED', 100, i.approved_at, i.reviewer, ${entry("i.c")}
      FROM g_item i WHERE i.approved_at IS NOT NULL
    ) ev`);
  return result.rowCount ?? 0;
}

export async function insertReviews(client: pg.ClientBase, ctx: SqlContext) {
  const entry = (m: string) => uidSql(ctx.salt, "entry", "i.k", m);
  const result = await client.query(`
    INSERT INTO "EntryReview" ("id", "entryId", "reviewerId", "decision", "comment", "createdAt")
    SELECT ${uidSql(ctx.salt, "review", "i.k", "0")}, ${entry("i.c - 1")}, i.reviewer, 'RETURN'::"ReviewDecision",
           '佐证材料不完整，请补充后重新申请。', i.return_at
    FROM g_item i WHERE i.returned
    UNION ALL
    SELECT ${uidSql(ctx.salt, "review", "i.k", "1")}, ${entry("i.c")}, i.reviewer, 'APPROVE'::"ReviewDecision",
           '经审核，同意销号。', i.approved_at
    FROM g_item i WHERE i.approved_at IS NOT NULL`);
  return result.rowCount ?? 0;
}

/** Indicator values on claims and on every quarter's last month, rising from baseline to target. */
export async function insertIndicatorValues(client: pg.ClientBase, ctx: SqlContext) {
  const claim = `(m = i.c OR (i.returned AND m = i.c - 1))`;
  const result = await client.query(`
    INSERT INTO "IndicatorValue" ("id", "entryId", "indicatorId", "value", "ledgerItemId", "createdAt", "returned")
    SELECT ${uidSql(ctx.salt, "value", "i.k", "m")}, pe."id", i.ind,
           round(i.ind_base + (i.ind_target - i.ind_base)
             * (CASE WHEN ${claim} THEN 100 ELSE ${expr.pct("m")} END) / 100.0, 2),
           pe."ledgerItemId", pe."createdAt", pe."reviewState" = 'RETURNED'
    FROM g_item i ${expr.entryMonths(ctx.fileChance, `JOIN "ProgressEntry" pe ON pe."id" = ${uidSql(ctx.salt, "entry", "i.k", "m")}`)}
      AND i.ind IS NOT NULL AND (${claim} OR m % 3 = 2)`);
  return result.rowCount ?? 0;
}

export async function insertEvidence(client: pg.ClientBase, ctx: SqlContext) {
  const result = await client.query(`
    INSERT INTO "Evidence" ("id", "ledgerItemId", "entryId", "kind", "url", "title", "uploadedById", "createdAt")
    SELECT ${uidSql(ctx.salt, "evidence", "i.k")}, i.id, ${uidSql(ctx.salt, "entry", "i.k", "i.c")}, 'LINK',
           'https://oa.example.gov.cn/reform/acceptance/' || i.k, '验收材料', i.author, i.claim_at
    FROM g_item i WHERE i.c IS NOT NULL AND pg_temp.r(i.k, 25) < 0.2 ORDER BY i.k`);
  return result.rowCount ?? 0;
}

/** Every enterprise with items filed each closed round, at the end of its filing day. */
export async function insertFilings(client: pg.ClientBase, ctx: SqlContext) {
  const result = await client.query(`
    INSERT INTO "RoundFiling" ("roundId", "enterpriseId", "filedAt", "filedById", "late")
    SELECT g.round, e.id, ('${isoDay(ctx.cal.base)}'::date + make_interval(months => g.mi + 1))::timestamp
             - interval '8 hours' + make_interval(days => pg_temp.fday(e.n, g.mi), hours => 17, mins => 30),
           e.author, pg_temp.fday(e.n, g.mi) >= 10
    FROM g_ent e CROSS JOIN g_month g
    WHERE e.n IN (SELECT DISTINCT i.e FROM g_item i WHERE i.s IS NOT NULL)
    ORDER BY g.mi, e.n`);
  return result.rowCount ?? 0;
}
