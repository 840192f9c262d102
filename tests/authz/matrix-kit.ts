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

/** A read of an object in a tree: 200 wherever the caller's scope covers the tree, else 404. */
export const READ_IN_SCOPE: Row["expect"] = {
  admin: 200,
  "admin-hunan": [404, 404, 200],
  "reviewer-central": [200, 200, 404],
  "reviewer-hunan": [404, 404, 200],
  "liaison-crrc": [200, 404, 404],
  "liaison-telecom": [404, 200, 404],
  manager: 200,
};
