/**
 * The benchmark's scenarios: for request i, the app's request and the floor's equivalent (same
 * path and numbers; the caller's scope as `_scope` instead of a token). Draws are seeded, so two
 * runs send the same requests.
 */
import { Rng } from "../../lib/db/seed/random";
import { chinaDay, isoDay } from "../../lib/time";
import type { Request } from "./open-load";
import type { BenchData, WriteTarget } from "./prepare";

export type Budget = { p95: number; p99?: number };

export type Scenario = {
  name: string;
  rate: number;
  budget: Budget;
  app: (i: number) => Request;
  floor: (i: number) => Request;
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** A dashboard node and day: the whole scope, a supervisor, a group or a subsidiary. */
export function dashboardParams(d: BenchData, r: Rng): Record<string, string | undefined> {
  const kind = r.int(0, 3);
  return {
    programmeId: d.programmeId,
    asOf: r.chance(0.4) ? d.days[0] : r.pick(d.days),
    supervisorId: kind === 1 ? r.pick(d.supervisors) : undefined,
    enterpriseId:
      kind === 2
        ? r.pick(d.groups).id
        : kind === 3 && d.subsidiaries.length
          ? r.pick(d.subsidiaries)
          : undefined,
  };
}

const FILTERS: Record<string, string>[] = [
  {},
  { mainOnly: "true" },
  { status: "IN_PROGRESS" },
  { overdue: "true" },
  { colour: "red" },
  { mainOnly: "true", status: "NOT_STARTED" },
];
const SORTS = ["urgency", "dueDate", "colour", "lastEntryAt", "percentDone"];

/** A ledger list request: a caller (whole scope, a province, a group), filters and a sort. */
export function listRequest(d: BenchData, r: Rng, sortable = true) {
  const who = r.int(0, 2);
  const filter = { ...r.pick(FILTERS) };
  if (r.chance(0.2) && d.categories.length) filter.categoryId = r.pick(d.categories);
  const params = {
    programmeId: d.programmeId,
    ...filter,
    ...(sortable ? { sort: r.pick(SORTS) } : {}),
  };
  if (who === 1 && d.tokens.province.length) {
    const p = r.pick(d.tokens.province);
    return { params, token: p.token, scope: `sup:${p.supervisorId}` };
  }
  if (who === 2 && d.tokens.group.length) {
    const g = r.pick(d.tokens.group);
    return { params, token: g.token, scope: `ent:${g.enterpriseId}` };
  }
  return { params, token: d.tokens.manager, scope: undefined };
}

export function buildScenarios(
  d: BenchData,
  cookie: string,
  writes: { app: WriteTarget[]; floor: WriteTarget[] },
): Scenario[] {
  const period = isoDay(chinaDay()).slice(0, 7);
  const draw = (salt: string, i: number) =>
    new Rng(7919 * i + salt.length * 104_729 + salt.charCodeAt(0));
  const write = (targets: WriteTarget[], i: number): Request => {
    const t = targets[i % targets.length]!;
    return {
      method: "POST",
      path: `/api/v1/ledger-items/${t.id}/entries`,
      headers: bearer(t.token),
      body: JSON.stringify({
        version: t.version,
        period,
        narrative: "本月按计划推进（性能测试）",
        percentDone: Math.min(99, t.percent + 1),
      }),
      check: (status, text) => (status === 201 ? null : `${status} ${text.slice(0, 200)}`),
    };
  };
  return [
    {
      name: "dashboard API",
      rate: 50,
      budget: { p95: 100, p99: 250 },
      app: (i) => ({
        path: `/api/v1/dashboard${query(dashboardParams(d, draw("dash", i)))}`,
        headers: bearer(d.tokens.manager),
      }),
      floor: (i) => ({ path: `/api/v1/dashboard${query(dashboardParams(d, draw("dash", i)))}` }),
    },
    {
      name: "manager home page",
      rate: 10,
      budget: { p95: 300 },
      app: () => ({ path: "/", headers: { cookie, "accept-language": "zh-CN" } }),
      floor: () => ({ path: "/" }),
    },
    {
      name: "ledger list API",
      rate: 50,
      budget: { p95: 150 },
      app: (i) => {
        const l = listRequest(d, draw("list", i));
        return { path: `/api/v1/ledger-items${query(l.params)}`, headers: bearer(l.token) };
      },
      floor: (i) => {
        const l = listRequest(d, draw("list", i));
        return { path: `/api/v1/ledger-items${query({ ...l.params, _scope: l.scope })}` };
      },
    },
    {
      name: "search",
      rate: 10,
      budget: { p95: 300 },
      app: (i) => {
        const r = draw("search", i);
        const q = r.pick(d.words);
        return i % 2
          ? { path: `/api/v1/enterprises${query({ q })}`, headers: bearer(d.tokens.manager) }
          : {
              path: `/api/v1/ledger-items${query({ programmeId: d.programmeId, q })}`,
              headers: bearer(d.tokens.manager),
            };
      },
      floor: (i) => {
        const r = draw("search", i);
        const q = r.pick(d.words);
        return i % 2
          ? { path: `/api/v1/enterprises${query({ q })}` }
          : { path: `/api/v1/ledger-items${query({ programmeId: d.programmeId, q })}` };
      },
    },
    {
      name: "progress-entry writes",
      rate: 100,
      budget: { p95: 50 },
      app: (i) => write(writes.app, i),
      floor: (i) => write(writes.floor, i),
    },
  ];
}
