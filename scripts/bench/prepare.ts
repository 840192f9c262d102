/**
 * What the scenarios draw from, read once from the generated database: the programme, nodes of
 * every kind (supervisors, groups, subsidiaries), categories, days across the history, callers
 * for each kind of scope with API tokens made for this run (stored hashed, as lib/auth/tokens.ts
 * does, and deleted afterwards), open items with the liaison who may write them, and search words.
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { hashToken } from "../../lib/auth/tokens";
import { addDays, chinaDay, isoDay } from "../../lib/time";

export const TOKEN_NAME = "benchmark";

export type WriteTarget = { id: string; version: number; percent: number; token: string };

export type BenchData = {
  programmeId: string;
  startDate: Date;
  supervisors: string[];
  groups: { id: string; supervisorId: string }[];
  subsidiaries: string[];
  categories: string[];
  days: string[];
  tokens: {
    manager: string;
    province: { token: string; supervisorId: string }[];
    group: { token: string; enterpriseId: string }[];
  };
  writes: WriteTarget[];
  words: string[];
};

async function makeToken(client: pg.ClientBase, userId: string): Promise<string> {
  const token = "rl_" + randomBytes(24).toString("base64url");
  await client.query(
    `INSERT INTO "ApiToken" ("id", "userId", "name", "prefix", "tokenHash", "expiresAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, now() + interval '1 day')`,
    [userId, TOKEN_NAME, token.slice(0, 8), hashToken(token)],
  );
  return token;
}

export async function prepare(
  client: pg.ClientBase,
  options: { writesNeeded: number },
): Promise<BenchData> {
  await client.query(`DELETE FROM "ApiToken" WHERE "name" = $1`, [TOKEN_NAME]);
  const programme = (
    await client.query(
      `SELECT "id", "startDate" FROM "Programme" WHERE "status" = 'ACTIVE' ORDER BY "startDate" DESC LIMIT 1`,
    )
  ).rows[0];
  if (!programme)
    throw new Error(
      "No active programme: generate data first (npm run db:generate -- --preset ...).",
    );
  const ids = async (sql: string, values: unknown[] = []) =>
    (await client.query(sql, values)).rows.map((r) => r.id as string);
  const supervisors = await ids(`SELECT "id" FROM "Supervisor" ORDER BY "code"`);
  const groups = (
    await client.query(
      `SELECT "id", "supervisorId" FROM "Enterprise" WHERE "depth" = 0 ORDER BY md5("id"::text) LIMIT 200`,
    )
  ).rows;
  const subsidiaries = await ids(
    `SELECT "id" FROM "Enterprise" WHERE "depth" > 0 ORDER BY md5("id"::text) LIMIT 400`,
  );
  const categories = await ids(`SELECT "id" FROM "Category" WHERE "programmeId" = $1`, [
    programme.id,
  ]);
  const today = chinaDay();
  const days = [isoDay(today)];
  for (let d = addDays(programme.startDate, 45); d < today; d = addDays(d, 37))
    days.push(isoDay(d));

  const manager = await ids(`SELECT "id" FROM "User" WHERE "username" = 'manager'`);
  const provinceUsers = (
    await client.query(
      `SELECT u."id", s."supervisorId" FROM "User" u JOIN "UserScope" s ON s."userId" = u."id"
     JOIN "Supervisor" sv ON sv."id" = s."supervisorId" AND sv."level" = 'PROVINCIAL'
     WHERE u."role" = 'REVIEWER' ORDER BY sv."code" LIMIT 8`,
    )
  ).rows;
  const groupUsers = (
    await client.query(
      `SELECT u."id", s."enterpriseId" FROM "User" u JOIN "UserScope" s ON s."userId" = u."id"
     JOIN "Enterprise" e ON e."id" = s."enterpriseId" AND e."depth" = 0
     WHERE u."role" = 'LIAISON' ORDER BY md5(u."id"::text) LIMIT 12`,
    )
  ).rows;
  if (!manager[0]) throw new Error("No `manager` account in this database.");
  // One connection: the tokens are made one after another.
  const tokens: BenchData["tokens"] = {
    manager: await makeToken(client, manager[0]),
    province: [],
    group: [],
  };
  for (const u of provinceUsers)
    tokens.province.push({ token: await makeToken(client, u.id), supervisorId: u.supervisorId });
  for (const u of groupUsers)
    tokens.group.push({ token: await makeToken(client, u.id), enterpriseId: u.enterpriseId });

  // Open items, each with the liaison of its group; every write goes to an item of its own.
  const targets = (
    await client.query(
      `SELECT li."id", li."version", li."percentDone", u."id" AS "userId"
     FROM "LedgerItem" li JOIN "Enterprise" e ON e."id" = li."enterpriseId"
     JOIN "UserScope" s ON s."enterpriseId" = COALESCE(e."rootId", e."id")
     JOIN "User" u ON u."id" = s."userId" AND u."role" = 'LIAISON'
     JOIN "Task" t ON t."id" = li."taskId"
     WHERE li."programmeId" = $1 AND li."status" = 'IN_PROGRESS' AND NOT li."notApplicable"
       AND NOT EXISTS (SELECT 1 FROM "IndicatorDefinition" d WHERE d."taskId" = t."id")
     ORDER BY md5(li."id"::text) LIMIT $2`,
      [programme.id, options.writesNeeded],
    )
  ).rows;
  const writerTokens = new Map<string, string>();
  const writes: WriteTarget[] = [];
  for (const t of targets) {
    if (!writerTokens.has(t.userId)) writerTokens.set(t.userId, await makeToken(client, t.userId));
    writes.push({
      id: t.id,
      version: t.version,
      percent: t.percentDone,
      token: writerTokens.get(t.userId)!,
    });
  }
  const words = (
    await client.query(
      `(SELECT substr("titleZh", 1, 2) AS w FROM "Task" WHERE "programmeId" = $1 LIMIT 6)
     UNION (SELECT substr("nameZh", 1, 3) FROM "Enterprise" ORDER BY 1 LIMIT 6)
     UNION (SELECT "responsiblePerson" FROM "LedgerItem" WHERE "responsiblePerson" IS NOT NULL LIMIT 3)`,
      [programme.id],
    )
  ).rows.map((r) => r.w as string);
  return {
    programmeId: programme.id,
    startDate: programme.startDate,
    supervisors,
    groups,
    subsidiaries,
    categories,
    days,
    tokens,
    writes,
    words,
  };
}

/** A session cookie for GET / (pages take the next-auth session, not a token): sign in as a person would. */
export async function signIn(origin: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Sign-in as ${username} failed (${res.status})`);
  return session.split(";")[0]!;
}
