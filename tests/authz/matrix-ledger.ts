/** The ledger, evidence, review, saved views and notifications (rows of tests/authz/matrix.ts). */
import { everyone, inScope, ownLiaison, type Row } from "./matrix-kit";

export const LEDGER_ROWS: Record<string, Row> = {
  "GET /me": {
    targets: false,
    call: "valid",
    expect: everyone(200),
  },
  "GET /enterprises": {
    targets: true,
    call: "valid",
    expect: everyone(200),
  },
  "GET /enterprises/{id}": {
    targets: true,
    call: "valid",
    expect: inScope(200),
  },
  "GET /ledger-items": {
    targets: true,
    call: "valid",
    expect: everyone(200),
  },
  "GET /ledger-items/{id}": {
    targets: true,
    call: "valid",
    expect: inScope(200),
  },
  "GET /ledger-items/{id}/entries": {
    targets: true,
    call: "valid",
    expect: inScope(200),
  },
  "POST /ledger-items/{id}/entries": {
    targets: true,
    call: "valid",
    expect: ownLiaison(201),
  },
  "POST /ledger-items/{id}/completion-claims": {
    targets: true,
    call: "checks-first",
    expect: ownLiaison(422),
    note: "evidence id names nothing: 422 comes after the scope check (404 outside the tree)",
  },
  "POST /ledger-items/{id}/evidence": {
    targets: true,
    call: "valid",
    expect: ownLiaison(201),
  },
  "GET /evidence/{id}": {
    targets: true,
    call: "valid",
    expect: inScope(200),
    note: "a PDF the tree's liaison uploaded (tests/authz/fixtures.ts): the item's scope decides",
  },
  "GET /ledger-items/{id}/comments": {
    targets: true,
    call: "valid",
    expect: inScope(200),
  },
  "POST /ledger-items/{id}/comments": {
    targets: true,
    call: "valid",
    expect: inScope(201),
  },
  "GET /ledger-items/{id}/mentionable": {
    targets: true,
    call: "valid",
    expect: inScope(200),
  },
  "GET /saved-views": {
    targets: false,
    call: "valid",
    expect: everyone(200),
  },
  "POST /saved-views": {
    targets: false,
    call: "valid",
    expect: everyone(201),
  },
  "DELETE /saved-views/{id}": {
    targets: true,
    call: "valid",
    expect: {
      admin: 404,
      "admin-hunan": 404,
      "reviewer-central": 404,
      "reviewer-hunan": 404,
      "liaison-crrc": [200, 404, 404],
      "liaison-telecom": [404, 200, 404],
      manager: 404,
    },
  },
  "GET /review-queue": {
    targets: true,
    call: "valid",
    expect: {
      admin: 403,
      "admin-hunan": 403,
      "reviewer-central": 200,
      "reviewer-hunan": 200,
      "liaison-crrc": 200,
      "liaison-telecom": 200,
      manager: 403,
    },
  },
  "POST /entries/{id}/reviews": {
    targets: true,
    call: "valid",
    expect: {
      admin: 403,
      "admin-hunan": [404, 404, 403],
      "reviewer-central": [201, 201, 404],
      "reviewer-hunan": [404, 404, 201],
      "liaison-crrc": [403, 404, 404],
      "liaison-telecom": [404, 403, 404],
      manager: 403,
    },
    note: "a still-submitted entry of the tree, looked up at call time",
  },
  "POST /review-decisions": {
    targets: true,
    call: "valid",
    expect: everyone(200),
    note: "batch answers 200 with per-entry outcomes; refusals are inside the body",
  },
  "GET /notifications": {
    targets: false,
    call: "valid",
    expect: everyone(200),
  },
  "POST /notifications/read": {
    targets: false,
    call: "valid",
    expect: everyone(200),
  },
};
