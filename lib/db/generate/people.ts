/**
 * Accounts of the generated data, one for every role and kind of scope: the national `admin` and
 * `manager`; per SASAC an administrator, a reviewer and a manager (admin-hunan, reviewer-central,
 * manager-jiangsu, ...); a liaison per group (liaison-cg001, liaison-hn-g01) and for a share of the
 * second-level subsidiaries. All share the demo password (one Argon2id hash, as the demo seed
 * makes them).
 */
import type { Rng } from "@/lib/db/seed/random";
import { uid } from "./ids";
import type { Org } from "./org";
import type { Preset } from "./presets";

export type GenUser = {
  id: string;
  username: string;
  displayName: string;
  role: "ADMIN" | "REVIEWER" | "LIAISON" | "MANAGER";
  scopeAll: boolean;
  supervisorId?: string;
  enterpriseId?: string;
};

export type People = {
  users: GenUser[];
  /** Per enterprise id: who files its entries (the liaison of its group). */
  authorOf: Map<string, string>;
  /** Per supervisor id: who reviews its enterprises' claims. */
  reviewerOf: Map<string, string>;
};

export function buildPeople(org: Org, preset: Preset, salt: string, rng: Rng): People {
  const users: GenUser[] = [];
  const add = (u: Omit<GenUser, "id">) => {
    const user = { ...u, id: uid(salt, "user", users.length) };
    users.push(user);
    return user.id;
  };
  add({ username: "admin", displayName: "系统管理员", role: "ADMIN", scopeAll: true });
  add({ username: "manager", displayName: "国资委领导", role: "MANAGER", scopeAll: true });
  const reviewerOf = new Map<string, string>();
  for (const s of org.supervisors) {
    const scope = { scopeAll: false, supervisorId: s.id };
    add({
      username: `admin-${s.slug}`,
      displayName: `${s.nameZh}系统管理员`,
      role: "ADMIN",
      ...scope,
    });
    const reviewer = add({
      username: `reviewer-${s.slug}`,
      displayName: `${s.nameZh}改革处`,
      role: "REVIEWER",
      ...scope,
    });
    reviewerOf.set(s.id, reviewer);
    add({
      username: `manager-${s.slug}`,
      displayName: `${s.nameZh}领导`,
      role: "MANAGER",
      ...scope,
    });
  }
  const authorOf = new Map<string, string>();
  const liaisonOfRoot = new Map<string, string>();
  for (const e of org.enterprises) {
    const own =
      e.depth === 0 || (e.depth === 1 && rng.chance(preset.subsidiaryLiaisonShare))
        ? add({
            username: `liaison-${e.code.toLowerCase()}`,
            displayName: `${e.shortNameZh}改革办`,
            role: "LIAISON",
            scopeAll: false,
            enterpriseId: e.id,
          })
        : undefined;
    if (e.depth === 0) liaisonOfRoot.set(e.id, own!);
    authorOf.set(e.id, liaisonOfRoot.get(e.rootId)!);
  }
  return { users, authorOf, reviewerOf };
}
