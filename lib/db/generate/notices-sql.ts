/**
 * Supervision notices of the generated data: for about half of the groups with overdue open main
 * items, one notice (issued by the group's SASAC reviewer in the last two months) on up to three
 * of them; some replied to by the group's liaison, some closed after the reply.
 */
import type pg from "pg";
import { uidSql } from "./ids";
import type { SqlContext } from "./sql-context";

export async function insertNotices(client: pg.ClientBase, ctx: SqlContext, programmeId: string) {
  const now = `'${ctx.cal.now.toISOString()}'::timestamp`;
  const year = ctx.cal.now.getUTCFullYear();
  await client.query(`
    CREATE TEMP TABLE g_cand AS
    SELECT * FROM (
      SELECT i.root_id, i.sup_id, i.reviewer, i.author, i.id,
             row_number() OVER (PARTITION BY i.root_id ORDER BY i.k) AS rn
      FROM g_item i
      WHERE i.is_main AND i.c IS NULL AND i.s IS NOT NULL AND i.na_month IS NULL
        AND i.due < ${now}::date) c
    WHERE c.rn <= 3`);
  await client.query(`
    CREATE TEMP TABLE g_notice AS
    WITH roots AS (
      SELECT c.root_id, c.sup_id, c.reviewer, c.author, row_number() OVER (ORDER BY c.root_id) AS n
      FROM g_cand c WHERE c.rn = 1 AND pg_temp.r(hashtext(c.root_id::text), 30) < 0.5
    )
    SELECT r.*, ${uidSql(ctx.salt, "notice", "r.n")} AS id,
           ${now} - make_interval(days => 6 + floor(pg_temp.r(r.n, 31) * 54)::int) AS created,
           (ARRAY['OPEN','OPEN','OPEN','REPLIED','REPLIED','CLOSED'])[1 + floor(pg_temp.r(r.n, 32) * 6)::int] AS status,
           (ARRAY['BLUE','YELLOW','RED'])[1 + floor(pg_temp.r(r.n, 33) * 3)::int] AS level
    FROM roots r`);
  const notices = await client.query(`
    INSERT INTO "SupervisionNotice" ("id", "number", "programmeId", "supervisorId", "issuedById", "level",
      "requiredAction", "responseDueAt", "status", "closedAt", "createdAt")
    SELECT n.id, '督办-${year}-' || lpad(n.n::text, 5, '0'), '${programmeId}'::uuid, n.sup_id, n.reviewer,
           n.level::"NoticeLevel", '请于规定期限内说明滞后原因并报送整改措施。', n.created + interval '15 days',
           n.status::"NoticeStatus", CASE WHEN n.status = 'CLOSED' THEN n.created + interval '6 days' END, n.created
    FROM g_notice n ORDER BY n.n`);
  await client.query(`
    INSERT INTO "NoticeItem" ("noticeId", "ledgerItemId")
    SELECT n.id, c.id FROM g_notice n JOIN g_cand c ON c.root_id = n.root_id`);
  await client.query(`
    INSERT INTO "NoticeReply" ("id", "noticeId", "authorId", "body", "rootId", "createdAt")
    SELECT ${uidSql(ctx.salt, "reply", "n.n")}, n.id, n.author, '已制定整改计划，预计下月底前完成。', n.root_id,
           n.created + interval '5 days'
    FROM g_notice n WHERE n.status IN ('REPLIED', 'CLOSED')`);
  return notices.rowCount ?? 0;
}
