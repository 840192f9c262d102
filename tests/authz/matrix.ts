/**
 * The authorization matrix: every role x every /api/v1 operation x target tree, with the status
 * each call must answer. Run by tests/integration/authz-matrix.test.ts (Bearer API tokens).
 *
 * Targets (tests/authz/fixtures.ts) are three enterprise trees and the objects in them:
 *   crrc    CRRC, State Council SASAC (SASAC-SC)
 *   telecom China Telecom, SASAC-SC
 *   hunan   HN-VALIN, Hunan SASAC (SASAC-HN)
 * RELATION says what each tree is to each role. `expect` holds one status for all targets, or
 * [crrc, telecom, hunan]; `targets: false` marks operations with no target (called once).
 *
 * `call` says how to read a success:
 *   valid         the request is valid, so a 2xx proves permission
 *   stale         a deliberately stale version: 409 is decided after permission and scope
 *   checks-first  the body fails a domain rule checked after permission and scope (422)
 *   refused       nobody may (or the object does not exist; see note)
 * Requests are built in tests/authz/requests.ts.
 */

import { ACCOUNT_ROWS } from "./matrix-accounts";
import { ADMIN_ROWS } from "./matrix-admin";
import { ROLE_OF, type Row } from "./matrix-kit";
import { LEDGER_ROWS } from "./matrix-ledger";
import { SUPERVISION_ROWS } from "./matrix-supervision";

export { RELATION, ROLE_OF, type Row } from "./matrix-kit";

/** Route handlers outside endpoint(): public, no data. */
export const PUBLIC_OPERATIONS: Record<string, string> = {
  "GET /openapi.json": "the API contract; public, no data",
};

export const AUTHZ_MATRIX: Record<string, Row> = {
  ...LEDGER_ROWS,
  ...SUPERVISION_ROWS,
  ...ADMIN_ROWS,
  ...ACCOUNT_ROWS,
};

export function expectedStatus(row: Row, role: string, target: string): number | undefined {
  const v = row.expect[role as keyof typeof ROLE_OF];
  return Array.isArray(v) ? v[["crrc", "telecom", "hunan"].indexOf(target)] : v;
}
