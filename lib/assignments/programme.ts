import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere, ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which programmes an actor sees: all for national scope; else those its own SASACs run, the
 * national actions (run by a central SASAC, carried out by every SASAC), and any with ledger
 * items in its scope. Anything else is a 404, as a missing id.
 */
export function programmeScopeWhere(actor: Actor): Prisma.ProgrammeWhereInput {
  if (actor.scopeAll) return {};
  return {
    OR: [
      { supervisorId: { in: [...actor.supervisorIds] } },
      { supervisor: { level: "CENTRAL" } },
      { ledgerItems: { some: ledgerItemScopeWhere(actor) } },
    ],
  };
}

export type ProgrammeCatalogue = NonNullable<Awaited<ReturnType<typeof getProgrammeCatalogue>>>;

/** The programme and its catalogue (categories, tasks) for the assignment and matrix pages. */
export async function getProgrammeCatalogue(actor: Actor, programmeId: string, db: DbTx = getDb()) {
  return db.programme.findFirst({
    where: { AND: [{ id: programmeId }, programmeScopeWhere(actor)] },
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      status: true,
      startDate: true,
      endDate: true,
      categories: {
        select: { id: true, code: true, nameZh: true, nameEn: true },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      },
      tasks: {
        select: {
          id: true,
          code: true,
          titleZh: true,
          titleEn: true,
          categoryId: true,
          isMain: true,
          defaultDueDate: true,
        },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      },
    },
  });
}

export type SelectionOptions = Awaited<ReturnType<typeof selectionOptions>>;

/**
 * What the filters offer: the supervisors and regions of the enterprises in the actor's scope and
 * the levels present. `owned` limits the supervisors to those the actor may assign for.
 */
export async function selectionOptions(actor: Actor, { owned }: { owned: boolean }) {
  const db = getDb();
  const scope = enterpriseScopeWhere(actor);
  const supervisorWhere: Prisma.SupervisorWhereInput = actor.scopeAll
    ? {}
    : owned
      ? { id: { in: [...actor.supervisorIds] } }
      : { enterprises: { some: scope } };
  const [supervisors, regions, depths] = await Promise.all([
    db.supervisor.findMany({
      where: supervisorWhere,
      select: { id: true, code: true, nameZh: true, nameEn: true },
      orderBy: [{ level: "asc" }, { code: "asc" }],
    }),
    db.enterprise.findMany({
      where: { AND: [scope, { active: true, region: { not: null } }] },
      select: { region: true },
      distinct: ["region"],
      orderBy: { region: "asc" },
    }),
    db.enterprise.findMany({
      where: { AND: [scope, { active: true }] },
      select: { depth: true },
      distinct: ["depth"],
      orderBy: { depth: "asc" },
    }),
  ]);
  return {
    supervisors,
    regions: regions.map((r) => r.region!),
    depths: depths.map((d) => d.depth),
  };
}

/** An enterprise's names when the actor sees it (a filter's label restored from the URL). */
export async function enterpriseInScope(actor: Actor, enterpriseId: string) {
  return getDb().enterprise.findFirst({
    where: { AND: [{ id: enterpriseId }, enterpriseScopeWhere(actor)] },
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
}
