/**
 * Shared fixtures for integration tests on the demo data: actors by username, items in a scope,
 * small real files.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { periodOf } from "@/lib/ledger/period";
import { chinaDay } from "@/lib/time";
import type { Actor } from "@/lib/auth/policy";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

/**
 * A seeded database of the file's own, with its national administrator (scope: everything),
 * made before the file's tests and dropped after them; read its fields inside the tests.
 */
export function seededWithAdmin(): { db: TestDatabase; admin: Actor } {
  const file = {} as { db: TestDatabase; admin: Actor };
  beforeAll(async () => {
    file.db = await seededTestDatabase();
    file.admin = { ...(await actorFor(file.db.prisma, "admin")), scopeAll: true };
  });
  afterAll(async () => {
    await file.db?.drop();
  });
  return file;
}

export async function actorFor(prisma: PrismaClient, username: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const actor = await loadActor(user.id, "session");
  if (!actor) throw new Error(`No actor for ${username}`);
  return actor;
}

/** An open main item of SDU-2023 in the subtree of the user's first enterprise grant, with indicators when asked. */
export async function openItemOf(
  prisma: PrismaClient,
  username: string,
  options: {
    withIndicator?: boolean;
    skip?: number;
    /** Open statuses to pick from (default: in progress). */
    statuses?: ("NOT_STARTED" | "IN_PROGRESS")[];
  } = {},
) {
  const scope = await prisma.userScope.findFirstOrThrow({
    where: { user: { username }, enterpriseId: { not: null } },
  });
  return prisma.ledgerItem.findFirstOrThrow({
    where: {
      // The fixed-calendar programme these tests are written against; the live demo programme
      // (the dashboards' default) moves with the clock.
      programme: { code: "SDU-2023" },
      status: { in: options.statuses ?? ["IN_PROGRESS"] },
      isMain: true,
      notApplicable: false,
      enterprise: { ancestors: { some: { ancestorId: scope.enterpriseId! } } },
      ...(options.withIndicator ? { task: { indicators: { some: {} } } } : {}),
    },
    select: {
      id: true,
      version: true,
      taskId: true,
      percentDone: true,
      status: true,
      enterpriseId: true,
      task: { select: { indicators: { select: { id: true } } } },
    },
    // By codes, not by the random ids: the same item on every run of the same seed.
    orderBy: [{ enterprise: { code: "asc" } }, { task: { code: "asc" } }],
    skip: options.skip ?? 0,
  });
}

/** A minimal but real PDF document. */
export function pdfFile(name = "evidence.pdf"): File {
  const body =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  return new File([body], name, { type: "application/pdf" });
}

/** A Windows executable renamed to .pdf: the type check must look at the bytes. */
export function disguisedExecutable(): File {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a, 0x90, 0x00]); // "MZ"
  bytes.set([0x50, 0x45, 0x00, 0x00], 0x80); // "PE\0\0"
  bytes[0x3c] = 0x80;
  return new File([bytes], "report.pdf", { type: "application/pdf" });
}

/** This month in China as "YYYY-MM" (the period an entry made now reports on). */
export function currentPeriod(now = new Date()): string {
  return periodOf(chinaDay(now), "MONTH").key;
}

/** Runs a use case expected to fail and returns its AppError. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * Up to `limit` enterprise and task pairs with no ledger item yet (for tests that insert items),
 * among the enterprises `e` that `enterprises` (a condition on them) keeps.
 */
export function unassignedPairs(
  prisma: PrismaClient,
  limit: number,
  enterprises: Prisma.Sql = Prisma.sql`TRUE`,
): Promise<{ enterpriseId: string; taskId: string }[]> {
  return prisma.$queryRaw`
    SELECT e."id"::text AS "enterpriseId", t."id"::text AS "taskId"
    FROM "Enterprise" e CROSS JOIN "Task" t
    WHERE ${enterprises} AND NOT EXISTS (SELECT 1 FROM "LedgerItem" li
                                         WHERE li."enterpriseId" = e."id" AND li."taskId" = t."id")
    LIMIT ${limit}`;
}
