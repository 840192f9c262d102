import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql } from "@/lib/auth/scope";
import type { DbTx } from "@/lib/db/client";
import { containsPattern } from "@/lib/db/contains-pattern";
import { inMostNames } from "@/lib/enterprises/queries";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The list's search (task code and titles, enterprise names, responsible person; contains,
 * ignoring case) in two steps: first the tasks and the enterprises of the scope that match
 * (small tables; the tasks' trigram indexes from three characters on, a scan below that; the
 * enterprises' search pieces, stored in EnterpriseSearch and indexed, at any length), then
 * items by those ids or by their responsible person. The person is matched on the items through the
 * `ledger_grams` GIN index (its one- and two-character pieces, so the two-character searches
 * common in Chinese, "中车", "张伟", use it too), with ILIKE rechecking every candidate so the
 * result is exactly the contains match.
 */
export async function searchSql(
  db: DbTx,
  actor: Actor,
  q: string,
  /** Up to this many matching enterprises go to the items as ids; tests pass a smaller one. */
  many = MANY_ENTERPRISES,
): Promise<Prisma.Sql> {
  const pattern = containsPattern(q);
  // A word in most names is matched on the names alone (see inMostNames: "公司" 216 -> 71 ms).
  const pieces = (await inMostNames(db, q))
    ? Prisma.empty
    : Prisma.sql`e."id" IN (SELECT s."enterpriseId" FROM "EnterpriseSearch" s
          WHERE s."grams" @> ledger_query_grams(${q})) AND`;
  const names = Prisma.sql`(e."nameZh" ILIKE ${pattern} OR e."nameEn" ILIKE ${pattern})
        AND ${enterpriseScopeSql(actor, Prisma.raw(`e."id"`))}`;
  const enterpriseMatch = Prisma.sql`${pieces} ${names}`;
  const [tasks, enterprises] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT t."id"::text AS "id" FROM "Task" t
      WHERE t."code" ILIKE ${pattern} OR t."titleZh" ILIKE ${pattern} OR t."titleEn" ILIKE ${pattern}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT e."id"::text AS "id" FROM "Enterprise" e WHERE ${enterpriseMatch} LIMIT ${many + 1}`,
  ]);
  // Cheapest first: where the planner scans the items (a count's few thousand rows), each row
  // stops at the first match, and the person's pieces (a function of the name, 20 µs a row) are
  // computed only where ILIKE matched: a whole-country count for "产业", 228 -> 52 ms.
  const or: Prisma.Sql[] = [];
  if (tasks.length) or.push(Prisma.sql`li."taskId" = ANY(${tasks.map((t) => t.id)}::uuid[])`);
  // A word in many names ("科技", "公司"): the enterprises as a sub-query, not thousands of ids
  // read into the app and sent back (national data, the whole scope: 545 -> 371-390 ms), their
  // names matched in one scan: through the pieces, PostgreSQL checked the pieces of every
  // enterprise in the order of its primary key ("科技", 6,000 names: 290 -> 150 ms a page).
  if (enterprises.length > many)
    or.push(Prisma.sql`li."enterpriseId" IN (SELECT e."id" FROM "Enterprise" e WHERE ${names})`);
  else if (enterprises.length)
    or.push(Prisma.sql`li."enterpriseId" = ANY(${enterprises.map((e) => e.id)}::uuid[])`);
  or.push(Prisma.sql`(li."responsiblePerson" ILIKE ${pattern}
      AND ledger_grams(li."responsiblePerson") @> ledger_query_grams(${q}))`);
  return Prisma.sql`(${Prisma.join(or, " OR ")})`;
}

/** Up to this many enterprises matching a search, the items are looked up by their ids. */
const MANY_ENTERPRISES = 2000;
