/**
 * What the authorization matrix's tables share: the roles, what each target tree is to each role,
 * the row type and the most common row (tests/authz/matrix.ts).
 */
export const ROLE_OF = {
  admin: "ADMIN (national)",
  "admin-hunan": "ADMIN (Hunan SASAC)",
  "reviewer-central": "REVIEWER (SASAC-SC)",
  "reviewer-hunan": "REVIEWER (SASAC-HN)",
  "liaison-crrc": "LIAISON (CRRC)",
  "liaison-telecom": "LIAISON (China Telecom)",
  manager: "MANAGER (read-only, all)",
} as const;

type Relation = "own tree" | "other tree, same supervisor" | "other province";
export const RELATION: Record<
  keyof typeof ROLE_OF,
  Record<"crrc" | "telecom" | "hunan", Relation>
> = {
  admin: { crrc: "own tree", telecom: "own tree", hunan: "own tree" },
  "admin-hunan": { crrc: "other province", telecom: "other province", hunan: "own tree" },
  "reviewer-central": { crrc: "own tree", telecom: "own tree", hunan: "other province" },
  "reviewer-hunan": { crrc: "other province", telecom: "other province", hunan: "own tree" },
  "liaison-crrc": {
    crrc: "own tree",
    telecom: "other tree, same supervisor",
    hunan: "other province",
  },
  "liaison-telecom": {
    crrc: "other tree, same supervisor",
    telecom: "own tree",
    hunan: "other province",
  },
  manager: { crrc: "own tree", telecom: "own tree", hunan: "own tree" },
};

export type Row = {
  targets: boolean;
  call: "valid" | "stale" | "checks-first" | "refused";
  expect: Record<keyof typeof ROLE_OF, number | [number, number, number]>;
  note?: string;
};

/** `ok` wherever the caller's scope covers the target tree, else 404 (e.g. a read: 200). */
export const inScope = (ok: number): Row["expect"] => ({
  admin: ok,
  "admin-hunan": [404, 404, ok],
  "reviewer-central": [ok, ok, 404],
  "reviewer-hunan": [404, 404, ok],
  "liaison-crrc": [ok, 404, 404],
  "liaison-telecom": [404, ok, 404],
  manager: ok,
});

/** Only each tree's own liaison may (`ok`); other liaisons get 404, every other role 403. */
export const ownLiaison = (ok: number): Row["expect"] => ({
  ...everyone(403),
  "liaison-crrc": [ok, 404, 404],
  "liaison-telecom": [404, ok, 404],
});

/** Every role answers the same. */
export const everyone = (status: number): Row["expect"] => ({
  admin: status,
  "admin-hunan": status,
  "reviewer-central": status,
  "reviewer-hunan": status,
  "liaison-crrc": status,
  "liaison-telecom": status,
  manager: status,
});

/** Only the administrators may (national, Hunan's: per target); everyone else is refused (403). */
export const adminsOnly = (
  national: Row["expect"]["admin"],
  hunan: Row["expect"]["admin-hunan"],
): Row["expect"] => ({ ...everyone(403), admin: national, "admin-hunan": hunan });
