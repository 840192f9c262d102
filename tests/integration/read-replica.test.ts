/**
 * DATABASE_REPLICA_URL: the dashboard (and the bulletins built on it) read from the replica,
 * everything else from the primary, and writes go to the primary. A real streaming replica is
 * not cheap to start here; a second copy of the demo database whose programme carries another
 * name stands in for it, so every answer shows which database it came from.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Endpoint } from "@/lib/api/endpoint";
import { createApiToken } from "@/lib/auth/tokens";
import { getDashboardEndpoint } from "@/lib/dashboard/api";
import { getDb, getReadDb } from "@/lib/db/client";
import { saveViewEndpoint } from "@/lib/saved-views/api";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let primary: TestDatabase;
let replica: TestDatabase;
let token = "";

beforeAll(async () => {
  primary = await seededTestDatabase();
  replica = await seededTestDatabase({ setEnv: false });
  process.env.DATABASE_REPLICA_URL = replica.url;
  await replica.prisma.programme.updateMany({ data: { nameEn: "Read from the replica" } });
  const manager = await primary.prisma.user.findUniqueOrThrow({ where: { username: "manager" } });
  token = (await createApiToken(manager.id, "replica")).token;
  // The token is looked up on the primary only: the replica has never heard of it.
  expect(await replica.prisma.apiToken.count({ where: { name: "replica" } })).toBe(0);
});
afterAll(async () => {
  await Promise.all([getDb().$disconnect(), getReadDb().$disconnect()]).catch(() => {});
  delete process.env.DATABASE_REPLICA_URL;
  await Promise.all([primary?.drop(), replica?.drop()]);
});

async function call(endpoint: Endpoint, path: string, body?: unknown) {
  const request = new NextRequest(`http://localhost${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "accept-language": "en",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await endpoint.handler(request, { params: Promise.resolve({}) });
  return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

it("reads the dashboard from the replica", async () => {
  const res = await call(getDashboardEndpoint, "/api/v1/dashboard");
  expect(res.status).toBe(200);
  expect(res.json.programme.nameEn).toBe("Read from the replica");
  const onPrimary = await primary.prisma.programme.findUniqueOrThrow({
    where: { id: res.json.programme.id as string },
  });
  expect(onPrimary.nameEn).not.toBe("Read from the replica");
});

it("writes to the primary (and the replica only sees them once replicated)", async () => {
  const res = await call(saveViewEndpoint, "/api/v1/saved-views", {
    name: "replica check",
    query: "colour=red",
  });
  expect(res.status).toBe(201);
  expect(await primary.prisma.savedView.count({ where: { name: "replica check" } })).toBe(1);
  expect(await replica.prisma.savedView.count({ where: { name: "replica check" } })).toBe(0);
});

it("keeps a client (and pool) of its own for the replica", () => {
  // Unset, getReadDb() is getDb(): the default of every other test file.
  expect(getReadDb()).not.toBe(getDb());
});
