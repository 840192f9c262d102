/**
 * What the generator's SQL statements share: seeded randomness and the filing clock as session
 * functions (pg_temp), and the staging tables of enterprises, tasks and months they join. Every
 * date and figure of an item follows from closed forms of (item key, month), so the item's
 * current columns, its entries, its status events and its reviews agree without reading each
 * other back.
 */
import type pg from "pg";
import { isoDay } from "@/lib/time";
import { type Calendar, type Catalogue, monthDay, periodKey } from "./catalogue";
import { uidSql } from "./ids";
import { insertRows } from "./load";
import type { Org } from "./org";
import type { People } from "./people";

export type SqlContext = { salt: string; seed: number; cal: Calendar; fileChance: number };

/** Expressions over a g_item row `i` and a month `m`, used by several statements. */
export const expr = {
  /** Percent done reported for a progress entry of month m (monotone in m). */
  pct: (m: string) =>
    `greatest(1, least(i.tp, round(i.tp * ((${m}) - i.s + 1)::float8 / (i.em - i.s + 1))))::int`,
  filed: (m: string) => `pg_temp.filed(i.e, i.k, ${m})`,
  /** The months in which item i filed an entry, as a lateral series `m`. */
  entryMonths: (fileChance: number, join = "") =>
    `CROSS JOIN LATERAL generate_series(i.s, i.l) AS m ${join}
     WHERE (m = i.s OR m = i.l OR (i.returned AND m >= i.c - 2) OR pg_temp.r(i.k * 64 + m, 20) < ${fileChance})`,
};

export async function createSessionFunctions(client: pg.ClientBase, ctx: SqlContext) {
  const base = isoDay(ctx.cal.base);
  const last = ctx.cal.lastPeriod;
  await client.query(`
    CREATE FUNCTION pg_temp.r(k bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT (hashint8extended(k, ${ctx.seed}::bigint * 1024 + salt) & 2147483647)::float8 / 2147483648.0 $$`);
  // The filing day of an enterprise for month m: days 1-10 of the next month, a few late (11-15).
  await client.query(`
    CREATE FUNCTION pg_temp.fday(e int, m int) RETURNS int LANGUAGE sql IMMUTABLE AS
    $$ SELECT CASE WHEN m < ${last} AND pg_temp.r(e::bigint * 64 + m, 11) < 0.04
                   THEN 10 + floor(pg_temp.r(e::bigint * 64 + m, 12) * 5)::int
                   ELSE floor(pg_temp.r(e::bigint * 64 + m, 13) * 10)::int END $$`);
  // An item's entry for month m: on its enterprise's filing day, between 09:00 and 17:00 China time.
  await client.query(`
    CREATE FUNCTION pg_temp.filed(e int, k bigint, m int) RETURNS timestamp LANGUAGE sql IMMUTABLE AS
    $$ SELECT ('${base}'::date + make_interval(months => m + 1))::timestamp - interval '8 hours'
              + make_interval(days => pg_temp.fday(e, m), hours => 9,
                              secs => floor(pg_temp.r(k * 64 + m, 14) * 28800)) $$`);
}

export async function createStaging(
  client: pg.ClientBase,
  ctx: SqlContext,
  org: Org,
  people: People,
  catalogue: Catalogue,
) {
  await client.query(`CREATE TEMP TABLE g_ent (n int PRIMARY KEY, id uuid, code text, root_id uuid,
    sup_id uuid, depth int, author uuid, reviewer uuid)`);
  await insertRows(
    client,
    "g_ent",
    {
      n: "int4",
      id: "uuid",
      code: "text",
      root_id: "uuid",
      sup_id: "uuid",
      depth: "int4",
      author: "uuid",
      reviewer: "uuid",
    },
    org.enterprises.map((e) => ({
      n: e.n,
      id: e.id,
      code: e.code,
      root_id: e.rootId,
      sup_id: e.supervisorId,
      depth: e.depth,
      author: people.authorOf.get(e.id),
      reviewer: people.reviewerOf.get(e.supervisorId),
    })),
  );
  await client.query(`CREATE TEMP TABLE g_task (n int PRIMARY KEY, id uuid, cat uuid, is_main bool,
    due_month int, ind uuid, ind_base numeric, ind_target numeric)`);
  await insertRows(
    client,
    "g_task",
    {
      n: "int4",
      id: "uuid",
      cat: "uuid",
      is_main: "bool",
      due_month: "int4",
      ind: "uuid",
      ind_base: "numeric",
      ind_target: "numeric",
    },
    catalogue.tasks.map((t) => ({
      n: t.n,
      id: t.id,
      cat: t.categoryId,
      is_main: t.isMain,
      due_month: t.dueMonth,
      ind: t.indicator?.id,
      ind_base: t.indicator?.base,
      ind_target: t.indicator?.target,
    })),
  );
  await client.query(`CREATE TEMP TABLE g_month AS
    SELECT mi, ${uidSql(ctx.salt, "round", "mi")} AS round
    FROM generate_series(0, ${ctx.cal.lastPeriod}) mi`);
  await client.query(
    `ALTER TABLE g_month ADD COLUMN period text, ADD COLUMN pstart date, ADD COLUMN pend date`,
  );
  for (let m = 0; m <= ctx.cal.lastPeriod; m++) {
    await client.query(
      `UPDATE g_month SET period = $2, pstart = $3::date, pend = ($4::date - 1) WHERE mi = $1`,
      [m, periodKey(ctx.cal, m), isoDay(monthDay(ctx.cal, m)), isoDay(monthDay(ctx.cal, m + 1))],
    );
  }
  await client.query("ANALYZE g_ent; ANALYZE g_task; ANALYZE g_month");
}
