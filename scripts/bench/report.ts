/**
 * The benchmark's report: the machine, the data size, the app's peak memory (the whole process
 * tree of `next start`, sampled), the slowest SQL statements of the run (pg_stat_statements), and
 * the Markdown table of every scenario beside its floor and its budget.
 */
import fs from "node:fs";
import os from "node:os";
import type pg from "pg";
import type { Summary } from "./open-load";
import { markOf } from "./marked-client";
import type { Budget } from "./scenarios";

export type Row = { name: string; app: Summary; floor: Summary | null; budget: Budget };

export function machine(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 2 ** 30).toFixed(0);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  return `${cpus.length} cores (${cpus[0]?.model ?? "?"}), ${gib} GiB memory, Node ${process.versions.node}, load average ${load}`;
}

export async function dataSize(client: pg.ClientBase): Promise<string> {
  const tables = ["Enterprise", "LedgerItem", "ProgressEntry", "LedgerStatusEvent", "User"];
  const { rows } = await client.query(
    `SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relname = ANY($1::text[]) AND relkind = 'r'`,
    [tables],
  );
  const size = await client.query(
    `SELECT pg_size_pretty(pg_database_size(current_database())) AS s`,
  );
  const n = new Map(rows.map((r) => [r.relname as string, Number(r.n)]));
  return `${tables.map((t) => `${(n.get(t) ?? 0).toLocaleString("en")} ${t}`).join(", ")} (database ${size.rows[0].s})`;
}

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      total += Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function sampleRss(pid: () => number) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid()));
  }, 500);
  return { stop: () => (clearInterval(timer), peak), peak: () => peak };
}

/** The statements of the run that took longest on average (at least 3 calls), or a note why none. */
export async function slowestStatements(
  admin: pg.ClientBase | null,
  database: string,
  /** The application's statements (unmarked), or the floor's (scripts/bench/marked-client.ts). */
  side: "app" | "floor" = "app",
  limit = 8,
): Promise<string[]> {
  if (!admin)
    return [
      "(no statement list: pg_stat_statements is not installed in the server's postgres database, or not preloaded)",
    ];
  // Marked statements (marked-client.ts) hold a mark after their first word.
  const any = `%${markOf("%")}%`;
  const { rows } = await admin.query(
    `SELECT calls, round(mean_exec_time::numeric, 1) AS mean, round(max_exec_time::numeric, 1) AS max,
            round(total_exec_time::numeric) AS total, regexp_replace(query, '\\s+', ' ', 'g') AS query
     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = $1 AND calls >= 3
       AND (CASE WHEN $3 THEN s.query LIKE $4 ELSE s.query NOT LIKE $5 END)
     ORDER BY mean_exec_time DESC LIMIT $2`,
    [database, limit, side === "floor", `%${markOf("floor")}%`, any],
  );
  return rows.map(
    (r) =>
      `| ${r.mean} | ${r.max} | ${r.calls} | ${r.total} | \`${String(r.query).slice(0, 220).replace(/\|/g, "\\|")}\` |`,
  );
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

function verdict(r: Row): string {
  const fails: string[] = [];
  if (r.app.p95 > r.budget.p95) fails.push(`p95 > ${r.budget.p95}`);
  if (r.budget.p99 !== undefined && r.app.p99 > r.budget.p99) fails.push(`p99 > ${r.budget.p99}`);
  if (r.app.errors > 0) fails.push("errors");
  return fails.length ? `not met (${fails.join(", ")})` : "met";
}

export function markdown(
  rows: Row[],
  context: {
    command: string;
    machine: string;
    data: string;
    rss: number;
    duration: number;
    statements: string[];
    floorStatements: string[];
  },
): string {
  const lines = [
    `Command: \`${context.command}\``,
    "",
    `Machine: ${context.machine}`,
    "",
    `Data: ${context.data}`,
    "",
    `Open model (constant arrival rate), ${context.duration} s per scenario; latency from each request's scheduled start. App peak RSS (next start, whole process tree): ${(context.rss / 2 ** 20).toFixed(0)} MiB.`,
    "",
    "| scenario | rate/s | p50 ms | p95 ms | p99 ms | max ms | done/s | errors | floor p50 | floor p95 | floor p99 | budget | verdict |",
    "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --- |",
    ...rows.map((r) =>
      [
        r.name,
        (r.app.requests / context.duration).toFixed(0),
        ms(r.app.p50),
        ms(r.app.p95),
        ms(r.app.p99),
        ms(r.app.max),
        r.app.throughput.toFixed(1),
        r.app.errors,
        r.floor ? ms(r.floor.p50) : "-",
        r.floor ? ms(r.floor.p95) : "-",
        r.floor ? ms(r.floor.p99) : "-",
        `p95 <= ${r.budget.p95}${r.budget.p99 ? `, p99 <= ${r.budget.p99}` : ""}, 0 errors`,
        verdict(r),
      ]
        .join(" | ")
        .replace(/^/, "| ")
        .replace(/$/, " |"),
    ),
    "",
    "The application's slowest statements of the run (pg_stat_statements, by mean time; the floor's and this harness's apart):",
    "",
    "| mean ms | max ms | calls | total ms | statement |",
    "| --: | --: | --: | --: | --- |",
    ...context.statements,
    "",
    "The floor's slowest statements:",
    "",
    "| mean ms | max ms | calls | total ms | statement |",
    "| --: | --: | --: | --: | --- |",
    ...context.floorStatements,
  ];
  return lines.join("\n");
}

export function jsonRows(rows: Row[]) {
  return rows.map((r) => ({
    name: r.name,
    p50: r.app.p50,
    p95: r.app.p95,
    p99: r.app.p99,
    max: r.app.max,
    throughput: r.app.throughput,
    errors: r.app.errors,
    floorP95: r.floor?.p95 ?? null,
  }));
}
