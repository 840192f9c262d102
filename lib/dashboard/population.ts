import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql } from "@/lib/auth/scope";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * THE population of every dashboard figure, as a derived table: the programme's ledger items as
 * they stood at an instant, one row per item, with the attributes a figure groups or filters by
 * *as of that instant* (main flag, category, enterprise, supervisor, not-applicable, completed,
 * percent done, weight). Every roll-up selects FROM this and groups; nothing else defines who
 * counts. Reading past attributes from the recorded history (not the current columns) is what
 * makes a past figure reproducible.
 *
 * Columns: "itemId", "taskId", "categoryId", "enterpriseId", "supervisorId", "isMain",
 * "notApplicable", "completed" (bool, final approval on or before the instant), "claimPending"
 * (bool, a completion claim awaits approval at the instant), "percentDone", "weight",
 * "dueDate", "status".
 */
export function itemsAsOfSql(options: { programmeId: string; at: Prisma.Sql }): Prisma.Sql {
  const { programmeId, at } = options;
  return Prisma.sql`(
    SELECT li."id" AS "itemId", li."taskId", li."categoryId", li."enterpriseId",
           e."supervisorId", li."isMain", li."notApplicable",
           (li."completedAt" IS NOT NULL AND li."completedAt" <= ${at}) AS "completed",
           (li."claimedAt" IS NOT NULL AND li."claimedAt" <= ${at}
             AND (li."completedAt" IS NULL OR li."completedAt" > ${at})) AS "claimPending",
           li."percentDone", t."weight", li."dueDate", li."status"
    FROM "LedgerItem" li
    JOIN "Enterprise" e ON e."id" = li."enterpriseId"
    JOIN "Task" t ON t."id" = li."taskId"
    WHERE li."programmeId" = ${programmeId}::uuid AND li."createdAt" <= ${at}
  )`;
}

/**
 * Which population rows a viewer may count: the viewer's scope (granted now) applied to the
 * item's enterprise. `alias` is the derived table's alias.
 */
export function populationScopeSql(actor: Actor, alias: string): Prisma.Sql {
  return enterpriseScopeSql(actor, Prisma.raw(`${alias}."enterpriseId"`));
}
