/**
 * The one permission policy. Pure functions only, so the whole table is unit-tested
 * (tests/unit/policy.test.ts). Every route handler, server action and query asks here; the
 * database side of the same rule is `enterpriseScopeWhere` in ./scope.ts.
 */
export const ROLES = ["ADMIN", "REVIEWER", "LIAISON", "MANAGER"] as const;
export type Role = (typeof ROLES)[number];

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Sees every supervisor and enterprise. */
  scopeAll: boolean;
  /** Enterprises directly supervised by these SASACs are in scope. */
  supervisorIds: readonly string[];
  /** These enterprises and their whole subtrees are in scope. */
  enterpriseIds: readonly string[];
  via: "session" | "token";
};

export const ACTIONS = [
  "enterprise.read",
  "ledger.read",
  "ledger.write",
  "review.confirm",
  "review.decide",
  "notice.issue",
  "notice.reply",
  "round.manage",
  "catalogue.manage",
  "user.manage",
  "dashboard.read",
  "audit.read",
] as const;
export type Action = (typeof ACTIONS)[number];

/** Which role may do what at all; scope is checked separately against the resource. */
const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
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
  // A group's liaison confirms its subsidiaries' claims in a two-level close-off chain.
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

/** What the policy needs to know about an enterprise: its SASAC and its ancestors (self included). */
export type EnterpriseRef = {
  id: string;
  supervisorId: string;
  /** Ids of the enterprise itself and every ancestor up to its group. */
  pathIds: readonly string[];
};

export function inScope(actor: Actor, enterprise: EnterpriseRef): boolean {
  if (actor.scopeAll) return true;
  if (actor.supervisorIds.includes(enterprise.supervisorId)) return true;
  return enterprise.pathIds.some((id) => actor.enterpriseIds.includes(id));
}

export function can(
  actor: Actor,
  action: Action,
  resource?: { enterprise: EnterpriseRef },
): boolean {
  if (!ROLE_ACTIONS[actor.role].includes(action)) return false;
  if (resource) return inScope(actor, resource.enterprise);
  return true;
}

/** Which actions a role has, for navigation and the API document. */
export function actionsOf(role: Role): readonly Action[] {
  return ROLE_ACTIONS[role];
}

/**
 * Whether an administrator may change what a supervisor owns (its programmes and catalogue, its
 * enterprises, the users granted within it): the role must allow the action, and the supervisor
 * must be one of the actor's own (national administrators own every supervisor). Reading rights
 * under an enterprise grant never make anyone the owner of a supervisor's data.
 */
export function managesSupervisor(
  actor: Actor,
  action: "catalogue.manage" | "user.manage" | "audit.read" | "round.manage",
  supervisorId: string,
): boolean {
  if (!ROLE_ACTIONS[actor.role].includes(action)) return false;
  return actor.scopeAll || actor.supervisorIds.includes(supervisorId);
}
