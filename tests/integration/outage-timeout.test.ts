/**
 * A database host that accepts connections but never answers (a hung server, a firewall that
 * drops packets): without a connection timeout every request would wait forever. With the
 * pool's timeout the API answers 503 `unavailable` within 2 s and readiness 503 within ~1 s.
 */
import net from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readyHandler } from "@/lib/api/health";
import { getDb } from "@/lib/db/client";
import { getMe } from "@/lib/me/api";

const sockets = new Set<net.Socket>();
// Accepts and holds every connection, sending nothing.
const blackHole = net.createServer((socket) => {
  sockets.add(socket);
  socket.on("error", () => {});
});

beforeAll(async () => {
  await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
  const { port } = blackHole.address() as net.AddressInfo;
  process.env.DATABASE_URL = `postgresql://reform:reform-local@127.0.0.1:${port}/reform_ledger`;
});

afterAll(async () => {
  await getDb()
    .$disconnect()
    .catch(() => {});
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => blackHole.close(resolve));
});

it("answers 503 within 2 s when the database never answers", async () => {
  // The first call also starts Prisma's query engine in this fresh process (about a second);
  // a running app has done that long before an outage. Time the calls after it.
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const response = await getMe.handler(
      new NextRequest("http://localhost/api/v1/me", {
        headers: { authorization: `Bearer rl_${"a".repeat(32)}` },
      }),
      { params: Promise.resolve({}) },
    );
    const ms = performance.now() - started;
    expect(response.status).toBe(503);
    expect(ms).toBeLessThan(i === 0 ? 5_000 : 2_000);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
  }
  const started = performance.now();
  expect((await readyHandler()).status).toBe(503);
  expect(performance.now() - started).toBeLessThan(1_500);
});
