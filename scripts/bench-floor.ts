/**
 * The benchmark's floor: the same numbers from the same tables with no framework, no ORM, no
 * authentication, no audit: node:http and pg with hand-written SQL, one statement or two per
 * request. A write keeps the dashboard roll-up exact with the application's own two statements
 * (the same work the application must do, and no stale roll-up left behind after a run). The application's latency under the same load is compared with this. Not part of the
 * product; `scope` arrives as a query parameter (`_scope=sup:<id>` or `ent:<id>`) instead of a token.
 *
 *   DATABASE_URL=... PORT=4100 node --conditions=react-server --import tsx scripts/bench-floor.ts
 */
import http from "node:http";
import pg from "pg";
import { streamDay, type StreamRow } from "../lib/dashboard/rollup/stream";
import { markedClient } from "./bench/marked-client";
import { chinaDay, endOfChinaDay, isoDay, parseIsoDay } from "../lib/time";

// Marked, so that the run's report lists the application's statements apart from these.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  Client: markedClient("floor"),
});
// An idle connection ended by the server (the benchmark restarting the other server) is not fatal.
pool.on("error", () => {});
const port = Number(process.env.PORT ?? 4100);

type Params = URLSearchParams;
type Sql = { text: string; values: unknown[] };

const validAt = (alias: string, p: string) =>
  `${alias}."validFrom" <= ${p} AND (${alias}."validTo" IS NULL OR ${alias}."validTo" > ${p})`;

async function programmeId(params: Params): Promise<string> {
  const given = params.get("programmeId");
  if (given) return given;
  const { rows } = await pool.query(
    `SELECT "id" FROM "Programme" WHERE "status" = 'ACTIVE' ORDER BY "startDate" DESC LIMIT 1`,
  );
  return rows[0].id;
}

/** Headline and categories (one grouped statement) and children (one more) of a node as of a day. */
async function dashboard(params: Params) {
  const day = params.get("asOf") ? parseIsoDay(params.get("asOf")!) : chinaDay();
  const at = endOfChinaDay(day).toISOString();
  const sup = params.get("supervisorId");
  const ent = params.get("enterpriseId");
  const values: unknown[] = [await programmeId(params), at];
  let node = "";
  if (sup) {
    values.push(sup);
    node = `AND li."enterpriseId" IN (SELECT ss."enterpriseId" FROM "EnterpriseSupervisorSpan" ss
      WHERE ss."supervisorId" = $3 AND ${validAt("ss", "$2")})`;
  } else if (ent) {
    values.push(ent);
    node = `AND li."enterpriseId" IN (SELECT cs."descendantId" FROM "EnterpriseClosureSpan" cs
      WHERE cs."ancestorId" = $3 AND ${validAt("cs", "$2")})`;
  }
  const population = `FROM "LedgerItem" li
    JOIN "LedgerItemSpan" s ON s."ledgerItemId" = li."id" AND ${validAt("s", "$2")}
    WHERE li."programmeId" = $1 AND li."createdAt" <= $2 AND s."isMain" AND NOT s."notApplicable" ${node}`;
  const headline = await pool.query(
    `SELECT "cat", count(*)::int AS "total", count(*) FILTER (WHERE "done")::int AS "completed",
            count(*) FILTER (WHERE "pending")::int AS "pending"
     FROM (SELECT s."categoryId" AS "cat", (li."completedAt" <= $2) AS "done",
             (SELECT ev."toStatus" FROM "LedgerStatusEvent" ev WHERE ev."ledgerItemId" = li."id"
              AND ev."at" <= $2 ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1) = 'COMPLETION_CLAIMED' AS "pending"
           ${population}) p
     GROUP BY GROUPING SETS ((), ("cat"))`,
    values,
  );
  const child = sup
    ? `COALESCE(e."rootId", e."id")`
    : ent
      ? `(SELECT c1."ancestorId" FROM "EnterpriseClosureSpan" c1 WHERE c1."descendantId" = li."enterpriseId"
           AND ${validAt("c1", "$2")} AND c1."ancestorId" IN (SELECT c0."descendantId" FROM "EnterpriseClosureSpan" c0
           WHERE c0."ancestorId" = $3 AND c0."depth" = 1 AND ${validAt("c0", "$2")}))`
      : `(SELECT ss."supervisorId" FROM "EnterpriseSupervisorSpan" ss WHERE ss."enterpriseId" = li."enterpriseId" AND ${validAt("ss", "$2")})`;
  const children = await pool.query(
    `SELECT ${child} AS "id", count(*)::int AS "total", count(*) FILTER (WHERE li."completedAt" <= $2)::int AS "completed"
     ${population.replace('FROM "LedgerItem" li', 'FROM "LedgerItem" li JOIN "Enterprise" e ON e."id" = li."enterpriseId"')}
     GROUP BY 1`,
    values,
  );
  const all = headline.rows.find((r) => r.cat === null) ?? { total: 0, completed: 0, pending: 0 };
  return {
    asOf: isoDay(day),
    headline: { total: all.total, completed: all.completed, pendingClaims: all.pending },
    byCategory: headline.rows
      .filter((r) => r.cat !== null)
      .map((r) => ({ categoryId: r.cat, total: r.total, completed: r.completed })),
    children: children.rows.filter((r) => r.id !== null),
  };
}

function scopeWhere(params: Params, values: unknown[]): string {
  const scope = params.get("_scope");
  if (!scope) return "TRUE";
  const [kind, id] = scope.split(":");
  values.push(id);
  return kind === "sup"
    ? `e."supervisorId" = $${values.length}`
    : `li."enterpriseId" IN (SELECT "descendantId" FROM "EnterpriseClosure" WHERE "ancestorId" = $${values.length})`;
}

/** The ledger list: scope and filters, the total, a page of 50 soonest due (then id). */
async function ledgerList(params: Params) {
  const values: unknown[] = [];
  const and = [scopeWhere(params, values)];
  const add = (sql: (n: string) => string, v: unknown) => {
    values.push(v);
    and.push(sql(`$${values.length}`));
  };
  if (params.get("programmeId")) add((n) => `li."programmeId" = ${n}`, params.get("programmeId"));
  if (params.get("status")) add((n) => `li."status" = ${n}::"LedgerStatus"`, params.get("status"));
  if (params.get("categoryId")) add((n) => `li."categoryId" = ${n}`, params.get("categoryId"));
  if (params.get("supervisorId")) add((n) => `e."supervisorId" = ${n}`, params.get("supervisorId"));
  if (params.get("enterpriseId"))
    add(
      (n) =>
        `li."enterpriseId" IN (SELECT "descendantId" FROM "EnterpriseClosure" WHERE "ancestorId" = ${n})`,
      params.get("enterpriseId"),
    );
  if (params.get("mainOnly") === "true") and.push(`li."isMain"`);
  if (params.get("overdue") === "true")
    add(
      (n) => `li."dueDate" < ${n}::date AND li."status" <> 'COMPLETED' AND NOT li."notApplicable"`,
      isoDay(chinaDay()),
    );
  if (params.get("q"))
    add(
      (
        n,
      ) => `(t."code" ILIKE ${n} OR t."titleZh" ILIKE ${n} OR t."titleEn" ILIKE ${n} OR e."nameZh" ILIKE ${n}
               OR e."nameEn" ILIKE ${n} OR li."responsiblePerson" ILIKE ${n})`,
      `%${params.get("q")}%`,
    );
  const from = `FROM "LedgerItem" li JOIN "Enterprise" e ON e."id" = li."enterpriseId" JOIN "Task" t ON t."id" = li."taskId"
    WHERE ${and.join(" AND ")}`;
  const [count, page] = await Promise.all([
    pool.query({ text: `SELECT count(*)::int AS "n" ${from}`, values } satisfies Sql),
    pool.query({
      text: `SELECT li."id", li."status", li."percentDone", li."dueDate", t."code", t."titleZh", e."nameZh"
             ${from} ORDER BY li."dueDate", li."id" LIMIT 50`,
      values,
    }),
  ]);
  return { items: page.rows, total: count.rows[0].n };
}

async function enterpriseSearch(params: Params) {
  const q = params.get("q") ?? "";
  const { rows } = await pool.query(
    `SELECT "id", "code", "nameZh", "nameEn" FROM "Enterprise"
     WHERE "code" ILIKE $1 OR "nameZh" ILIKE $1 OR "nameEn" ILIKE $1
     ORDER BY ("nameZh" ILIKE $2) DESC, "depth", "nameZh" LIMIT 50`,
    [`%${q}%`, `${q}%`],
  );
  return { items: rows };
}

/** The manager home's figures: the headline now and the per-supervisor counts, as HTML. */
async function home() {
  const d = await dashboard(new URLSearchParams());
  return `<!doctype html><html><body><h1>${d.headline.completed} / ${d.headline.total}</h1><table>${d.children
    .map((c) => `<tr><td>${c.id}</td><td>${c.completed}</td><td>${c.total}</td></tr>`)
    .join("")}</table></body></html>`;
}

async function recordEntry(
  itemId: string,
  body: { version: number; period: string; narrative: string; percentDone: number },
) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // The item's roll-up stream from today, before and after the change (lib/dashboard/rollup).
    await client.query(`SELECT 1 FROM "LedgerItem" WHERE "id" = $1 FOR UPDATE`, [itemId]);
    // The same database functions as the app's writers (rollupFunctions), plans kept.
    const day = streamDay(new Date());
    const before = await client.query<StreamRow>(
      `SELECT * FROM rollup_stream($1::date, $2::uuid[])`,
      [day, [itemId]],
    );
    const beforeIndicators = await client.query(
      `SELECT * FROM rollup_indicator_stream($1::date, $2::uuid[])`,
      [day, [itemId]],
    );
    const moved = await client.query(
      `UPDATE "LedgerItem" SET "status" = 'IN_PROGRESS', "percentDone" = $3, "lastEntryAt" = now(),
         "version" = "version" + 1, "updatedAt" = now()
       WHERE "id" = $1 AND "version" = $2 RETURNING "id", "version", "enterpriseId"`,
      [itemId, body.version, body.percentDone],
    );
    if (moved.rowCount !== 1) {
      await client.query("ROLLBACK");
      return null;
    }
    const author = await client.query(`SELECT "id" FROM "User" LIMIT 1`);
    const [y, m] = body.period.split("-").map(Number);
    const entry = await client.query(
      `INSERT INTO "ProgressEntry" ("id", "ledgerItemId", "kind", "periodType", "period", "periodStart", "periodEnd",
         "narrative", "percentDone", "status", "authorId", "createdAt")
       VALUES (gen_random_uuid(), $1, 'PROGRESS', 'MONTH', $2, make_date($3, $4, 1),
         (make_date($3, $4, 1) + interval '1 month' - interval '1 day')::date, $5, $6, 'IN_PROGRESS', $7, now())
       RETURNING "id"`,
      [itemId, body.period, y, m, body.narrative, body.percentDone, author.rows[0].id],
    );
    await client.query(`SELECT rollup_apply($1::date, $2::uuid[], $3::jsonb)`, [
      day,
      [itemId],
      JSON.stringify(before.rows),
    ]);
    await client.query(`SELECT rollup_indicator_apply($1::date, $2::uuid[], $3::jsonb)`, [
      day,
      [itemId],
      JSON.stringify(beforeIndicators.rows),
    ]);
    await client.query("COMMIT");
    return { entry: entry.rows[0], item: moved.rows[0] };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://floor");
  const reply = (status: number, body: unknown, type = "application/json") => {
    res.writeHead(status, { "content-type": type });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
  const entries = url.pathname.match(/^\/api\/v1\/ledger-items\/([0-9a-f-]{36})\/entries$/);
  const work = async () => {
    if (req.method === "POST" && entries) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const result = await recordEntry(
        entries[1]!,
        JSON.parse(Buffer.concat(chunks).toString("utf8")),
      );
      return result ? reply(201, result) : reply(409, { error: { code: "conflict" } });
    }
    if (url.pathname === "/") return reply(200, await home(), "text/html; charset=utf-8");
    if (url.pathname === "/api/v1/dashboard") return reply(200, await dashboard(url.searchParams));
    if (url.pathname === "/api/v1/ledger-items")
      return reply(200, await ledgerList(url.searchParams));
    if (url.pathname === "/api/v1/enterprises")
      return reply(200, await enterpriseSearch(url.searchParams));
    return reply(404, { error: { code: "not_found" } });
  };
  work().catch((error: unknown) =>
    reply(500, { error: { code: "internal", message: String(error) } }),
  );
});
server.keepAliveTimeout = 30_000;
server.listen(port, "127.0.0.1", () => console.log(`floor listening on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
