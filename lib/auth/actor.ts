import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "./policy";

/**
 * Loads the actor afresh from the database on every request (not from the session token), so a
 * changed role or scope, or a deactivated account, takes effect at once.
 */
export async function loadActor(userId: string, via: Actor["via"]): Promise<Actor | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      scopeAll: true,
      active: true,
      scopes: { select: { supervisorId: true, enterpriseId: true } },
    },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scopeAll: user.scopeAll,
    supervisorIds: user.scopes.flatMap((s) => (s.supervisorId ? [s.supervisorId] : [])),
    enterpriseIds: user.scopes.flatMap((s) => (s.enterpriseId ? [s.enterpriseId] : [])),
    via,
  };
}
