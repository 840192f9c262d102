import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";

/*
 * Odd HTTP methods against every route handler (each app/api/**\/route.ts) and a few pages of
 * the running app: never a 500. TRACE (and CONNECT) are 501 (Next.js 16 cannot even build a
 * Request for them, which used to end in a 500), other unimplemented methods (PROPFIND) 501,
 * OPTIONS a 204 whose Allow lists exactly what the route exports, a standard method the route
 * does not export 405.
 */
const API_DIR = path.join(process.cwd(), "app", "api");
const SOME_ID = "0190a5d2-0000-7000-8000-000000000001";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/rounds/[id]/route.ts -> /api/v1/rounds/<uuid>; [...nextauth] -> session. */
function urlOf(file: string): string {
  const segments = path
    .relative(path.join(process.cwd(), "app"), path.dirname(file))
    .split(path.sep)
    .map((s) => (s.startsWith("[...") ? "session" : s.startsWith("[") ? SOME_ID : s));
  return `/${segments.join("/")}`;
}

const STANDARD = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];

/** The methods a route module exports: `export const GET`, `export function GET`, `export { h as GET }`. */
function exportedMethods(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return STANDARD.filter((m) =>
    new RegExp(
      `export\\s+(const|(async\\s+)?function)\\s+${m}\\b|export\\s*\\{[^}]*\\bas\\s+${m}\\b`,
    ).test(source),
  );
}

function send(
  baseURL: string,
  method: string,
  url: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, method, path: url, timeout: 15_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    // CONNECT answers through the "connect" event with the raw socket.
    request.on("connect", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    request.on("timeout", () => request.destroy(new Error(`${method} ${url} timed out`)));
    request.on("error", reject);
    request.end();
  });
}

const files = routeFiles(API_DIR).sort();

test("the route handlers are found", () => {
  expect(files.length).toBeGreaterThan(30);
  expect(files.map(urlOf)).toEqual(
    expect.arrayContaining(["/api/v1/me", "/api/health/live", "/api/auth/session"]),
  );
});

test("TRACE, PROPFIND and OPTIONS on every route handler: 501, 501, 204 with Allow", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  for (const file of files) {
    const url = urlOf(file);
    const exported = exportedMethods(file);
    expect(exported.length, url).toBeGreaterThan(0);

    const trace = await send(baseURL!, "TRACE", url);
    expect(trace.status, `TRACE ${url}`).toBe(501);
    const propfind = await send(baseURL!, "PROPFIND", url);
    expect(propfind.status, `PROPFIND ${url}`).toBe(501);

    const options = await send(baseURL!, "OPTIONS", url);
    expect(options.status, `OPTIONS ${url}`).toBe(204);
    const allow = String(options.headers.allow ?? "")
      .split(",")
      .map((m) => m.trim())
      .sort();
    const expected = new Set([
      ...exported,
      "OPTIONS",
      ...(exported.includes("GET") ? ["HEAD"] : []),
    ]);
    expect(allow, `Allow of ${url}`).toEqual([...expected].sort());

    // A standard method the route does not export: 405, never a 500.
    const missing = ["PUT", "PATCH", "DELETE"].find((m) => !exported.includes(m));
    if (missing) {
      const res = await send(baseURL!, missing, url);
      expect(res.status, `${missing} ${url}`).toBe(405);
    }
  }
});

test("pages and the server itself: TRACE/CONNECT 501, PROPFIND 501, DELETE 405 with Allow", async ({
  baseURL,
}) => {
  for (const url of ["/", "/sign-in", "/ledger", "/no-such-page"]) {
    expect((await send(baseURL!, "TRACE", url)).status, `TRACE ${url}`).toBe(501);
    expect((await send(baseURL!, "PROPFIND", url)).status, `PROPFIND ${url}`).toBe(501);
    const del = await send(baseURL!, "DELETE", url);
    expect(del.status, `DELETE ${url}`).toBe(405);
    expect(del.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
  }
  const { host } = new URL(baseURL!);
  expect((await send(baseURL!, "CONNECT", host)).status).toBe(501);
  // A method token Node's parser does not know never reaches the app: 400, not 500.
  expect((await send(baseURL!, "FOO", "/api/v1/me")).status).toBe(400);
});
