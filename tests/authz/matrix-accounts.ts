/**
 * Exports, imports, the caller, users, tokens, the audit journal and the registry (rows of
 * tests/authz/matrix.ts).
 */
import { adminsOnly, everyone, inScope, type Row } from "./matrix-kit";

export const ACCOUNT_ROWS: Record<string, Row> = {
  "GET /exports/catalogue": {
    targets: true,
    call: "valid",
    expect: everyone(200),
  },
  "GET /exports/registry": {
    targets: false,
    call: "valid",
    expect: everyone(200),
  },
  "GET /exports/ledger": {
    targets: true,
    call: "valid",
    expect: inScope(200),
  },
  "POST /imports": {
    targets: false,
    call: "checks-first",
    expect: adminsOnly(422, 422),
    note: "empty form: 422 comes after the permission check",
  },
  "GET /imports/jobs/{id}": {
    targets: false,
    call: "refused",
    expect: adminsOnly(404, 404),
    note: "no seeded job: 404 for import managers, 403 for the others",
  },
  "POST /me/password": {
    targets: false,
    call: "refused",
    expect: everyone(403),
    note: "API tokens cannot change the account password (session only)",
  },
  "GET /users": {
    targets: false,
    call: "valid",
    expect: adminsOnly(200, 200),
  },
  "POST /users": {
    targets: true,
    call: "valid",
    expect: adminsOnly(201, [422, 422, 201]),
  },
  "GET /users/{id}": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, [404, 404, 200]),
  },
  "PATCH /users/{id}": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, [404, 404, 200]),
  },
  "POST /users/{id}/password-reset": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, [404, 404, 200]),
  },
  "GET /tokens": {
    targets: true,
    call: "valid",
    expect: everyone(200),
  },
  "POST /tokens": {
    targets: true,
    call: "refused",
    expect: everyone(403),
    note: "API tokens cannot mint tokens (session only)",
  },
  "DELETE /tokens/{id}": {
    targets: true,
    call: "valid",
    expect: {
      admin: 200,
      "admin-hunan": [404, 404, 200],
      "reviewer-central": 404,
      "reviewer-hunan": 404,
      "liaison-crrc": [200, 404, 404],
      "liaison-telecom": [404, 200, 404],
      manager: 404,
    },
    note: "An administrator revokes the tokens of the users they manage (the national one: everyone's); others see none",
  },
  "GET /audit": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, 200),
  },
  "POST /enterprises": {
    targets: true,
    call: "valid",
    expect: adminsOnly(201, [422, 422, 201]),
  },
  "PATCH /enterprises/{id}": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, [404, 404, 200]),
  },
  "POST /enterprises/{id}/move": {
    targets: true,
    call: "stale",
    expect: adminsOnly(409, [404, 404, 409]),
    note: "stale version on purpose (a move would reshape the demo tree): 409 proves the permission and scope checks passed",
  },
  "GET /enterprises/{id}/merge": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, [404, 404, 200]),
  },
  "POST /enterprises/{id}/merge": {
    targets: true,
    call: "stale",
    expect: adminsOnly(409, [404, 404, 409]),
    note: "stale version on purpose (a merge would retire the enterprise): 409 proves the permission and scope checks passed",
  },
};
