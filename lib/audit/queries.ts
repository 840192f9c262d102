import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDeadline, startOfChinaDay } from "@/lib/time";
import { managedUserSql } from "@/lib/users/managed";
import { AUDIT_PAGE_SIZE, type AuditPage } from "./schemas";

/** Entity types whose ids are uuids of rows the scope rule below can look up. */
const SCOPED_TYPES = ["User", "ApiToken", "Enterprise", "LedgerItem", "ProgressEntry", "Programme"];

/**
 * Which journal rows an administrator may read. National administrators (scopeAll): all. Anyone
 * else with audit.read, a row if
 * - its actor is a user they manage (what their own people did, whatever the object), or
 * - it is about a user they manage, or an API token of one, or
 * - it is about an enterprise, a ledger item or a progress entry within their scope, or a
 *   programme of a supervisor they own.
 * Every test is an indexed lookup of the row's own actor or entity (the managed users and the
 * scope's enterprises are uncorrelated subqueries PostgreSQL hashes once), so the newest-first
 * scan by id stays cheap.
 */
export function auditScopeSql(actor: Actor): Prisma.Sql {
  if (!can(actor, "audit.read")) return Prisma.sql`FALSE`;
  if (actor.scopeAll) return Prisma.sql`TRUE`;
  // The entity id as a uuid, only for the types above (CASE evaluates the cast only when it holds).
  const eid = Prisma.sql`(CASE WHEN a."entityType" = ANY(${SCOPED_TYPES}::text[])
    AND a."entityId" ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    THEN a."entityId"::uuid END)`;
  const owned = [...actor.supervisorIds];
  return Prisma.sql`(
    ${managedUserSql(actor, Prisma.sql`a."actorId"`)}
    OR (a."entityType" = 'User' AND ${managedUserSql(actor, eid)})
    OR (a."entityType" = 'ApiToken' AND EXISTS (SELECT 1 FROM "ApiToken" t
          WHERE t."id" = ${eid} AND ${managedUserSql(actor, Prisma.sql`t."userId"`)}))
    OR (a."entityType" = 'Enterprise' AND ${enterpriseScopeSql(actor, eid)})
    OR (a."entityType" = 'LedgerItem' AND EXISTS (SELECT 1 FROM "LedgerItem" li
          WHERE li."id" = ${eid} AND ${enterpriseScopeSql(actor, Prisma.sql`li."enterpriseId"`)}))
    OR (a."entityType" = 'ProgressEntry' AND EXISTS (SELECT 1 FROM "ProgressEntry" pe
          JOIN "LedgerItem" li ON li."id" = pe."ledgerItemId"
          WHERE pe."id" = ${eid} AND ${enterpriseScopeSql(actor, Prisma.sql`li."enterpriseId"`)}))
    OR (a."entityType" = 'Programme' AND EXISTS (SELECT 1 FROM "Programme" p
          WHERE p."id" = ${eid} AND p."supervisorId" = ANY(${owned}::uuid[])))
  )`;
}

type Row = {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

/**
 * The audit journal, newest first, a keyset page at a time (AuditLog.id grows with every row),
 * filtered by object, actor and China days, within what the actor may read.
 */
export async function listAudit(
  actor: Actor,
  options: {
    entityType?: string;
    entityId?: string;
    actorId?: string;
    from?: string;
    to?: string;
    cursor?: string;
    limit?: number;
  } = {},
): Promise<AuditPage> {
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  const where: Prisma.Sql[] = [auditScopeSql(actor)];
  if (options.entityType) where.push(Prisma.sql`a."entityType" = ${options.entityType}`);
  if (options.entityId) where.push(Prisma.sql`a."entityId" = ${options.entityId}`);
  if (options.actorId) where.push(Prisma.sql`a."actorId" = ${options.actorId}::uuid`);
  if (options.from) where.push(Prisma.sql`a."at" >= ${startOfChinaDay(options.from)}`);
  if (options.to) where.push(Prisma.sql`a."at" < ${chinaDeadline(options.to)}`);
  if (options.cursor) where.push(Prisma.sql`a."id" < ${BigInt(options.cursor)}`);
  const rows = await getDb().$queryRaw<Row[]>(Prisma.sql`
    SELECT a."id", a."at", a."actorId", a."actorLabel", u."displayName" AS "actorName",
           a."action", a."entityType", a."entityId", a."before", a."after", a."requestId"
    FROM "AuditLog" a
    LEFT JOIN "User" u ON u."id" = a."actorId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY a."id" DESC
    LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorLabel: r.actorLabel,
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.requestId,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
