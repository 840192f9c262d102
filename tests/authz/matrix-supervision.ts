/** Rounds, notices, the dashboard and bulletins (rows of tests/authz/matrix.ts). */
import { adminsOnly, everyone, inScope, ownLiaison, type Row } from "./matrix-kit";

export const SUPERVISION_ROWS: Record<string, Row> = {
  "GET /rounds": {
    targets: true,
    call: "valid",
    expect: everyone(200),
  },
  "POST /rounds": {
    targets: true,
    call: "valid",
    expect: adminsOnly(201, 403),
    note: "The demo programmes are run by the State Council SASAC: only its administrators open their rounds",
  },
  "GET /rounds/{id}": {
    targets: true,
    call: "valid",
    expect: everyone(200),
  },
  "POST /rounds/{id}/filings": {
    targets: true,
    call: "valid",
    expect: {
      admin: 403,
      "admin-hunan": 403,
      "reviewer-central": 403,
      "reviewer-hunan": 403,
      "liaison-crrc": [422, 404, 404],
      "liaison-telecom": [404, 201, 404],
      manager: 403,
    },
    note: "CRRC has unreported main items: 422 comes after the scope check",
  },
  "POST /rounds/{id}/reminders": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, 403),
    note: "Reminders for a round are its programme's owners' to send",
  },
  "GET /notices": {
    targets: false,
    call: "valid",
    expect: everyone(200),
  },
  "GET /notices/groups": {
    targets: true,
    call: "valid",
    expect: {
      admin: 403,
      "admin-hunan": 403,
      "reviewer-central": 200,
      "reviewer-hunan": 200,
      "liaison-crrc": 403,
      "liaison-telecom": 403,
      manager: 403,
    },
  },
  "GET /notices/{id}": {
    targets: true,
    call: "valid",
    expect: inScope(200),
  },

  "GET /notices/{id}/pdf": {
    targets: true,
    call: "valid",
    expect: inScope(200),
  },

  "POST /notices": {
    targets: true,
    call: "valid",
    expect: {
      admin: 403,
      "admin-hunan": 403,
      "reviewer-central": [201, 201, 404],
      "reviewer-hunan": [404, 404, 201],
      "liaison-crrc": 403,
      "liaison-telecom": 403,
      manager: 403,
    },
  },
  "POST /notices/{id}/replies": {
    targets: true,
    call: "valid",
    expect: ownLiaison(201),
    note: "each tree has a notice (tests/authz/fixtures.ts issues one where the seed has none)",
  },

  "POST /notices/{id}/actions": {
    targets: true,
    call: "valid",
    expect: {
      admin: 403,
      "admin-hunan": 403,
      "reviewer-central": [200, 200, 404],
      "reviewer-hunan": [404, 404, 200],
      "liaison-crrc": 403,
      "liaison-telecom": 403,
      manager: 403,
    },
  },

  "GET /dashboard": {
    targets: true,
    call: "valid",
    expect: inScope(200),
  },
  "GET /bulletins": {
    targets: true,
    call: "valid",
    expect: inScope(200),
  },
  "POST /bulletins/jobs": {
    targets: true,
    call: "valid",
    expect: inScope(202),
  },
  "GET /bulletins/jobs/{id}": {
    targets: false,
    call: "refused",
    expect: everyone(404),
    note: "no seeded job: 404 for every role (jobs are per user)",
  },
  "GET /bulletins/jobs/{id}/file": {
    targets: false,
    call: "refused",
    expect: everyone(404),
    note: "no seeded job: 404 for every role",
  },
};
