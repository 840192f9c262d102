/**
 * The smoke run's correctness checks (`--check`): the app's numbers equal the floor's raw SQL
 * recomputation for sampled requests: dashboard headline (total, completed, pending claims),
 * categories and children; ledger-list and search totals. Timings are never checked.
 */
import http from "node:http";
import { Rng } from "../../lib/db/seed/random";
import { send, type Request } from "./open-load";
import type { BenchData } from "./prepare";
import { dashboardParams, listRequest } from "./scenarios";

type Counts = { total: number; completed: number; totalCapped?: boolean };

/** The app's total equals the floor's, or says (capped) that more than it match. */
const sameTotal = (app: Counts, floor: Counts) =>
  app.totalCapped ? floor.total > app.total : app.total === floor.total;
type Dash = {
  headline: Counts & { pendingClaims: number };
  byCategory: (Counts & { categoryId: string })[];
  children: (Counts & { id: string })[];
};

async function json<T>(agent: http.Agent, origin: string, req: Request): Promise<T> {
  const res = await send(agent, new URL(origin), req);
  if (res.status !== 200) throw new Error(`${req.path}: ${res.status} ${res.text.slice(0, 300)}`);
  return JSON.parse(res.text) as T;
}

const qs = (params: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();

const byId = <T extends Counts>(rows: T[], key: (r: T) => string) =>
  new Map(rows.filter((r) => r.total > 0).map((r) => [key(r), `${r.completed}/${r.total}`]));

export async function checkNumbers(
  app: string,
  floor: string,
  d: BenchData,
  samples = 12,
): Promise<string[]> {
  const agent = new http.Agent({ keepAlive: true });
  const problems: string[] = [];
  const auth = { authorization: `Bearer ${d.tokens.manager}` };
  for (let i = 0; i < samples; i++) {
    const params = dashboardParams(d, new Rng(1000 + i));
    const path = `/api/v1/dashboard?${qs(params)}`;
    const [a, f] = await Promise.all([
      json<Dash>(agent, app, { path, headers: auth }),
      json<Dash>(agent, floor, { path }),
    ]);
    const label = `dashboard ${qs(params)}`;
    const head = (h: Dash["headline"]) => `${h.completed}/${h.total} pending ${h.pendingClaims}`;
    if (head(a.headline) !== head(f.headline))
      problems.push(`${label}: app ${head(a.headline)}, raw SQL ${head(f.headline)}`);
    const cats = [byId(a.byCategory, (r) => r.categoryId), byId(f.byCategory, (r) => r.categoryId)];
    if (JSON.stringify([...cats[0]!].sort()) !== JSON.stringify([...cats[1]!].sort()))
      problems.push(`${label}: categories differ`);
    const kids = [byId(a.children, (r) => r.id), byId(f.children, (r) => r.id)];
    if (JSON.stringify([...kids[0]!].sort()) !== JSON.stringify([...kids[1]!].sort()))
      problems.push(`${label}: children differ`);
  }
  for (let i = 0; i < samples; i++) {
    const l = listRequest(d, new Rng(2000 + i), false);
    if ("colour" in l.params) continue; // the floor has no colour rule
    const [a, f] = await Promise.all([
      json<Counts>(agent, app, {
        path: `/api/v1/ledger-items?${qs(l.params)}`,
        headers: { authorization: `Bearer ${l.token}` },
      }),
      json<Counts>(agent, floor, {
        path: `/api/v1/ledger-items?${qs({ ...l.params, _scope: l.scope })}`,
      }),
    ]);
    if (!sameTotal(a, f))
      problems.push(
        `ledger list ${qs(l.params)} (${l.scope ?? "all"}): app ${a.total}, raw SQL ${f.total}`,
      );
  }
  for (const q of d.words.slice(0, 4)) {
    const path = `/api/v1/ledger-items?${qs({ programmeId: d.programmeId, q })}`;
    const [a, f] = await Promise.all([
      json<Counts>(agent, app, { path, headers: auth }),
      json<Counts>(agent, floor, { path }),
    ]);
    if (!sameTotal(a, f)) problems.push(`search "${q}": app ${a.total}, raw SQL ${f.total}`);
  }
  agent.destroy();
  return problems;
}
