import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";

/** The supervisors an administrator may grant: all for national ones, else their own. */
export async function grantableSupervisors(actor: Actor) {
  return getDb().supervisor.findMany({
    where: actor.scopeAll ? {} : { id: { in: [...actor.supervisorIds] } },
    select: { id: true, code: true, nameZh: true, nameEn: true },
    orderBy: [{ level: "asc" }, { code: "asc" }],
  });
}
