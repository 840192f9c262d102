import "server-only";
import { managesSupervisor, type Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";

export type SupervisorChoice = { id: string; code: string; nameZh: string; nameEn: string };

/** Every supervisor (SASAC names are public), by level and code: for the party affiliation. */
export function listSupervisors(): Promise<SupervisorChoice[]> {
  return getDb().supervisor.findMany({
    select: { id: true, code: true, nameZh: true, nameEn: true },
    orderBy: [{ level: "asc" }, { code: "asc" }],
  });
}

/** The supervisors whose enterprises the actor may register, edit, move and merge. */
export async function listOwnedSupervisors(actor: Actor): Promise<SupervisorChoice[]> {
  const all = await listSupervisors();
  return all.filter((s) => managesSupervisor(actor, "catalogue.manage", s.id));
}
