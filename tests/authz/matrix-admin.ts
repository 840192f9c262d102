/** The catalogue and assignments (rows of tests/authz/matrix.ts). */
import { adminsOnly, everyone, type Row } from "./matrix-kit";

export const ADMIN_ROWS: Record<string, Row> = {
  "GET /programmes": {
    targets: false,
    call: "valid",
    expect: everyone(200),
  },
  "POST /programmes": {
    targets: true,
    call: "valid",
    expect: adminsOnly(201, [403, 403, 201]),
  },
  "GET /programmes/{id}": {
    targets: true,
    call: "valid",
    expect: everyone(200),
  },
  "PATCH /programmes/{id}": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, 403),
  },
  "POST /programmes/{id}/copy": {
    targets: true,
    call: "valid",
    expect: adminsOnly(201, 403),
  },
  "POST /categories": {
    targets: true,
    call: "valid",
    expect: adminsOnly(201, 403),
  },
  "PATCH /categories/{id}": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, 403),
  },
  "DELETE /categories/{id}": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, 403),
  },
  "GET /tasks": {
    targets: true,
    call: "valid",
    expect: everyone(200),
  },
  "POST /tasks": {
    targets: true,
    call: "valid",
    expect: adminsOnly(201, 403),
  },
  "GET /tasks/{id}": {
    targets: true,
    call: "valid",
    expect: everyone(200),
  },
  "PATCH /tasks/{id}": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, 403),
  },
  "DELETE /tasks/{id}": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, 403),
  },
  "POST /assignments": {
    targets: true,
    call: "valid",
    expect: adminsOnly(200, [404, 404, 200]),
  },
  "PATCH /ledger-items/{id}/applicability": {
    targets: true,
    call: "stale",
    expect: adminsOnly(409, [404, 404, 409]),
    note: "stale version on purpose: 409 proves the permission and scope checks passed",
  },
  "GET /programmes/{id}/matrix": {
    targets: true,
    call: "valid",
    expect: everyone(200),
  },
};
