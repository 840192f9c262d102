import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  can,
  inScope,
  managesSupervisor,
  type Action,
  type Actor,
  type EnterpriseRef,
  type Role,
} from "@/lib/auth/policy";

const SC = "00000000-0000-7000-8000-0000000000a1"; // State Council SASAC
const HN = "00000000-0000-7000-8000-0000000000a2"; // Hunan SASAC
const CRRC = "00000000-0000-7000-8000-0000000000b1";
const CRRC_ZZ = "00000000-0000-7000-8000-0000000000b2"; // CRRC -> Zhuzhou
const TELECOM = "00000000-0000-7000-8000-0000000000c1";
const HN_XX = "00000000-0000-7000-8000-0000000000d1"; // a Hunan provincial group

const enterprises: Record<string, EnterpriseRef> = {
  crrc: { id: CRRC, supervisorId: SC, pathIds: [CRRC] },
  crrcZhuzhou: { id: CRRC_ZZ, supervisorId: SC, pathIds: [CRRC, CRRC_ZZ] },
  telecom: { id: TELECOM, supervisorId: SC, pathIds: [TELECOM] },
  hunanGroup: { id: HN_XX, supervisorId: HN, pathIds: [HN_XX] },
};

function actor(
  role: Role,
  scope: Partial<Pick<Actor, "scopeAll" | "supervisorIds" | "enterpriseIds">>,
): Actor {
  return {
    id: role,
    username: role,
    displayName: role,
    role,
    scopeAll: false,
    supervisorIds: [],
    enterpriseIds: [],
    via: "session",
    ...scope,
  };
}

const actors = {
  admin: actor("ADMIN", { scopeAll: true }),
  reviewerCentral: actor("REVIEWER", { supervisorIds: [SC] }),
  reviewerHunan: actor("REVIEWER", { supervisorIds: [HN] }),
  liaisonCrrc: actor("LIAISON", { enterpriseIds: [CRRC] }),
  liaisonZhuzhou: actor("LIAISON", { enterpriseIds: [CRRC_ZZ] }),
  manager: actor("MANAGER", { scopeAll: true }),
  nobody: actor("LIAISON", {}),
};

describe("inScope: which enterprises each actor sees", () => {
  const table: [keyof typeof actors, keyof typeof enterprises, boolean][] = [
    ["admin", "telecom", true],
    ["manager", "hunanGroup", true],
    ["reviewerCentral", "crrc", true],
    ["reviewerCentral", "crrcZhuzhou", true],
    ["reviewerCentral", "hunanGroup", false],
    ["reviewerHunan", "hunanGroup", true],
    ["reviewerHunan", "crrc", false],
    ["liaisonCrrc", "crrc", true],
    ["liaisonCrrc", "crrcZhuzhou", true],
    ["liaisonCrrc", "telecom", false],
    ["liaisonCrrc", "hunanGroup", false],
    ["liaisonZhuzhou", "crrcZhuzhou", true],
    ["liaisonZhuzhou", "crrc", false], // a subsidiary's liaison does not see its parent group
    ["nobody", "crrc", false],
  ];
  it.each(table)("%s sees %s: %s", (who, what, expected) => {
    expect(inScope(actors[who], enterprises[what]!)).toBe(expected);
  });
});

describe("can: role x action", () => {
  const allowed: Record<Role, Action[]> = {
    ADMIN: [
      "enterprise.read",
      "ledger.read",
      "round.manage",
      "catalogue.manage",
      "user.manage",
      "dashboard.read",
      "audit.read",
    ],
    REVIEWER: ["enterprise.read", "ledger.read", "review.decide", "notice.issue", "dashboard.read"],
    LIAISON: [
      "enterprise.read",
      "ledger.read",
      "ledger.write",
      "review.confirm",
      "notice.reply",
      "dashboard.read",
    ],
    MANAGER: ["enterprise.read", "ledger.read", "dashboard.read"],
  };
  const rows = (Object.keys(allowed) as Role[]).flatMap((role) =>
    ACTIONS.map((action) => [role, action, allowed[role].includes(action)] as const),
  );
  it.each(rows)("%s may %s: %s", (role, action, expected) => {
    expect(can(actor(role, { scopeAll: true }), action)).toBe(expected);
  });

  it("checks scope when a resource is given", () => {
    expect(can(actors.liaisonCrrc, "ledger.write", { enterprise: enterprises.crrcZhuzhou! })).toBe(
      true,
    );
    expect(can(actors.liaisonCrrc, "ledger.write", { enterprise: enterprises.telecom! })).toBe(
      false,
    );
    // Right scope, wrong role: a manager never writes.
    expect(can(actors.manager, "ledger.write", { enterprise: enterprises.crrc! })).toBe(false);
    expect(can(actors.reviewerHunan, "review.decide", { enterprise: enterprises.crrc! })).toBe(
      false,
    );
  });
});

describe("managesSupervisor: who changes a supervisor's catalogue, registry and users", () => {
  const adminHunan = actor("ADMIN", { supervisorIds: [HN] });
  const adminOfCrrc = actor("ADMIN", { enterpriseIds: [CRRC] });
  it.each([
    ["national admin, any supervisor", actors.admin, SC, true],
    ["Hunan's admin, Hunan", adminHunan, HN, true],
    ["Hunan's admin, State Council", adminHunan, SC, false],
    ["an enterprise grant never owns a supervisor", adminOfCrrc, SC, false],
    ["a reviewer of the supervisor", actors.reviewerHunan, HN, false],
    ["the national manager", actors.manager, SC, false],
  ] as const)("%s", (_label, who, supervisorId, expected) => {
    expect(managesSupervisor(who, "catalogue.manage", supervisorId)).toBe(expected);
    expect(managesSupervisor(who, "user.manage", supervisorId)).toBe(expected);
  });
});
