/**
 * Users and access: administrators create, edit, deactivate and reset users they manage (national
 * vs Hunan administrator), own password changes, API tokens (secret once, hashed, lastUsedAt,
 * revoked/expired = 401) and the audit journal's filters and scope.
 */
import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEndpoint } from "@/lib/audit/api";
import { changedFields } from "@/lib/audit/diff";
import { listAudit } from "@/lib/audit/queries";
import { loadActor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/credentials";
import type { Actor } from "@/lib/auth/policy";
import { actorFromBearer } from "@/lib/auth/tokens";
import { getMe } from "@/lib/me/api";
import { getUserEndpoint, listUsersEndpoint } from "@/lib/users/api";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { createToken } from "@/lib/users/create-token";
import { createUser } from "@/lib/users/create-user";
import { getUser, listUsers } from "@/lib/users/queries";
import { resetPassword } from "@/lib/users/reset-password";
import { revokeToken } from "@/lib/users/revoke-token";
import { listTokens } from "@/lib/users/token-queries";
import { listTokensEndpoint } from "@/lib/users/token-api";
import { updateUser } from "@/lib/users/update-user";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { actorFor, failure } from "./fixtures";

let db: TestDatabase;
let admin: Actor;
let adminHunan: Actor;
let hunan: { supervisorId: string; enterpriseId: string };
let central: { supervisorId: string; crrcId: string };
const zh = "zh-CN" as const;

/** A sign-in attempt from a test address (the sign-in throttle keys on it). */
const signIn = (username: string, password: string) =>
  verifyCredentials({ username, password, ip: "198.51.100.20", now: new Date() });

beforeAll(async () => {
  db = await seededTestDatabase();
  admin = await actorFor(db.prisma, "admin");
  adminHunan = await actorFor(db.prisma, "admin-hunan");
  const hn = await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-HN" } });
  const sc = await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-SC" } });
  const hnEnterprise = await db.prisma.enterprise.findFirstOrThrow({
    where: { supervisorId: hn.id, depth: 0 },
    orderBy: { code: "asc" },
  });
  const crrc = await db.prisma.enterprise.findUniqueOrThrow({ where: { code: "CRRC" } });
  hunan = { supervisorId: hn.id, enterpriseId: hnEnterprise.id };
  central = { supervisorId: sc.id, crrcId: crrc.id };
});
afterAll(async () => {
  await db?.drop();
});

let seq = 0;
const newName = (label: string) => `t-${label}-${Date.now().toString(36)}-${++seq}`;

async function hunanLiaison(label = "liaison", password = "initial-pass-123") {
  return createUser(adminHunan, {
    input: {
      username: newName(label),
      displayName: "测试联络员",
      role: "LIAISON",
      enterpriseIds: [hunan.enterpriseId],
      password,
    },
    locale: zh,
  });
}

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

async function call(
  handler: Handler,
  options: { token: string; path?: string; params?: Record<string, string> },
) {
  const request = new NextRequest(`http://localhost/api/v1${options.path ?? "/"}`, {
    headers: { authorization: `Bearer ${options.token}`, "accept-language": "zh-CN" },
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function auditRows(entityId: string) {
  const rows = await db.prisma.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

describe("creating and editing users", () => {
  it("admin-hunan creates a Hunan liaison; the hash verifies and the audit keeps no hash", async () => {
    const user = await hunanLiaison();
    expect(user).toMatchObject({ role: "LIAISON", active: true, version: 1 });
    expect(user.enterprises.map((e) => e.id)).toEqual([hunan.enterpriseId]);
    expect(user.temporaryPassword).toBeNull();
    expect(await signIn(user.username, "initial-pass-123")).toMatchObject({ ok: true });
    const rows = await auditRows(user.id);
    expect(rows.map((r) => [r.entityType, r.action])).toEqual([["User", "user.create"]]);
    expect(JSON.stringify(rows)).not.toMatch(/passwordHash|\$argon2/);
  });

  it("a generated initial password is answered once and works", async () => {
    const user = await createUser(admin, {
      input: { username: newName("gen"), displayName: "G", role: "MANAGER", scopeAll: true },
      locale: zh,
    });
    expect(user.temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(await signIn(user.username, user.temporaryPassword!)).toMatchObject({
      ok: true,
    });
  });

  it("admin-hunan sees and edits only Hunan users; State Council users are 404", async () => {
    const list = await listUsers(adminHunan, { limit: 200 });
    const names = list.items.map((u) => u.username);
    expect(names).toContain("reviewer-hunan");
    expect(names).toContain("admin-hunan");
    expect(names).not.toContain("reviewer-central");
    expect(names).not.toContain("liaison-crrc");
    expect(names).not.toContain("admin");
    const centralUser = await db.prisma.user.findUniqueOrThrow({
      where: { username: "reviewer-central" },
    });
    expect(await getUser(adminHunan, centralUser.id)).toBeNull();
    expect((await getUser(admin, centralUser.id))?.username).toBe("reviewer-central");
    const edit = await failure(
      updateUser(adminHunan, {
        id: centralUser.id,
        input: { version: 1, displayName: "x" },
        locale: zh,
      }),
    );
    expect(edit.status).toBe(404);
    const reset = await failure(
      resetPassword(adminHunan, { id: centralUser.id, input: {}, locale: zh }),
    );
    expect(reset.status).toBe(404);
  });

  it("admin-hunan cannot grant CRRC, the State Council SASAC or national scope (422)", async () => {
    const base = { username: newName("bad"), displayName: "B", role: "LIAISON" as const };
    const crrc = await failure(
      createUser(adminHunan, { input: { ...base, enterpriseIds: [central.crrcId] }, locale: zh }),
    );
    expect(crrc.status).toBe(422);
    expect(crrc.fields).toHaveProperty("enterpriseIds");
    const sc = await failure(
      createUser(adminHunan, {
        input: { ...base, supervisorIds: [central.supervisorId] },
        locale: zh,
      }),
    );
    expect(sc.fields?.supervisorIds).toBe("超出您所管理的监管机构。");
    const all = await failure(
      createUser(adminHunan, { input: { ...base, scopeAll: true }, locale: "en" }),
    );
    expect(all.fields?.scopeAll).toMatch(/national administrator/);
    const none = await failure(createUser(adminHunan, { input: base, locale: zh }));
    expect(none.fields).toHaveProperty("supervisorIds");
    // Moving a Hunan user out to CRRC is refused the same way.
    const user = await hunanLiaison("move");
    const move = await failure(
      updateUser(adminHunan, {
        id: user.id,
        input: { version: user.version, enterpriseIds: [central.crrcId] },
        locale: zh,
      }),
    );
    expect(move.status).toBe(422);
  });

  it("a taken username is a 422 on username", async () => {
    const taken = await failure(
      createUser(admin, {
        input: {
          username: "liaison-crrc",
          displayName: "x",
          role: "LIAISON",
          enterpriseIds: [central.crrcId],
        },
        locale: zh,
      }),
    );
    expect(taken.fields?.username).toBe("该用户名已被使用。");
  });

  it("edits check the version (409 on a stale one) and are audited with before and after", async () => {
    const user = await hunanLiaison("edit");
    const edited = await updateUser(adminHunan, {
      id: user.id,
      input: {
        version: 1,
        displayName: "新名字",
        role: "REVIEWER",
        supervisorIds: [hunan.supervisorId],
        enterpriseIds: [],
      },
      locale: zh,
    });
    expect(edited).toMatchObject({ displayName: "新名字", role: "REVIEWER", version: 2 });
    expect(edited.supervisors.map((s) => s.id)).toEqual([hunan.supervisorId]);
    expect(edited.enterprises).toEqual([]);
    const stale = await failure(
      updateUser(adminHunan, { id: user.id, input: { version: 1, displayName: "x" }, locale: zh }),
    );
    expect(stale.status).toBe(409);
    expect(stale.details?.current).toMatchObject({ version: 2 });
    const row = (await auditRows(user.id)).at(-1)!;
    expect(row.action).toBe("user.update");
    expect(row.before).toMatchObject({ displayName: "测试联络员", role: "LIAISON" });
    expect(row.after).toMatchObject({
      displayName: "新名字",
      role: "REVIEWER",
      supervisors: ["SASAC-HN"],
    });
  });

  it("deactivation ends the user's sessions and tokens at once; reactivation restores them", async () => {
    const user = await hunanLiaison("deact");
    const { token } = await createToken(adminHunan, {
      input: { name: "sync", userId: user.id },
      locale: zh,
    });
    expect(await loadActor(user.id, "session")).not.toBeNull();
    expect(await actorFromBearer(`Bearer ${token}`)).not.toBeNull();
    const off = await updateUser(adminHunan, {
      id: user.id,
      input: { version: user.version, active: false },
      locale: zh,
    });
    expect(off.active).toBe(false);
    expect(await loadActor(user.id, "session")).toBeNull();
    expect((await call(getMe.handler, { token })).status).toBe(401);
    expect(await signIn(user.username, "initial-pass-123")).toMatchObject({ ok: false });
    expect((await auditRows(user.id)).at(-1)?.action).toBe("user.deactivate");
    await updateUser(adminHunan, {
      id: user.id,
      input: { version: off.version, active: true },
      locale: zh,
    });
    expect(await loadActor(user.id, "session")).not.toBeNull();
    expect((await auditRows(user.id)).at(-1)?.action).toBe("user.reactivate");
  });

  it("nobody deactivates themselves or changes their own role", async () => {
    const self = (await getUser(adminHunan, adminHunan.id))!;
    const off = await failure(
      updateUser(adminHunan, {
        id: self.id,
        input: { version: self.version, active: false },
        locale: zh,
      }),
    );
    expect(off.fields?.active).toBe("不能停用自己的账户。");
    const role = await failure(
      updateUser(adminHunan, {
        id: self.id,
        input: { version: self.version, role: "MANAGER" },
        locale: zh,
      }),
    );
    expect(role.status).toBe(422);
  });
});

describe("passwords", () => {
  it("a reset sets a temporary password, unlocks the account and is audited without the hash", async () => {
    const user = await hunanLiaison("reset");
    await db.prisma.user.update({
      where: { id: user.id },
      data: { failedLogins: 3, lockedUntil: new Date(Date.now() + 600_000) },
    });
    // A locked account answers like a wrong password: nothing tells a guesser it exists.
    expect(await signIn(user.username, "initial-pass-123")).toEqual({
      ok: false,
      reason: "invalid",
    });
    const generated = await resetPassword(adminHunan, { id: user.id, input: {}, locale: zh });
    expect(generated.temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(await signIn(user.username, generated.temporaryPassword!)).toMatchObject({
      ok: true,
    });
    const typed = await resetPassword(adminHunan, {
      id: user.id,
      input: { password: "temporary-42-pass" },
      locale: zh,
    });
    expect(typed.temporaryPassword).toBeNull();
    expect(await signIn(user.username, "temporary-42-pass")).toMatchObject({ ok: true });
    const rows = (await auditRows(user.id)).filter((r) => r.action === "user.resetPassword");
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/\$argon2|temporary-42-pass/);
  });

  it("own password: the current one must match (422), the new one is checked, then it works", async () => {
    const user = await hunanLiaison("own");
    const me = (await loadActor(user.id, "session"))!;
    const wrong = await failure(
      changeOwnPassword(me, {
        input: { currentPassword: "not-my-password", newPassword: "a-new-password-1" },
        locale: zh,
      }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.fields?.currentPassword).toBe("当前密码不正确。");
    const short = await failure(
      changeOwnPassword(me, {
        input: { currentPassword: "initial-pass-123", newPassword: "short" },
        locale: "en",
      }),
    );
    expect(short.fields?.newPassword).toBe("At least 10 characters.");
    const sameAsName = await failure(
      changeOwnPassword(me, {
        input: { currentPassword: "initial-pass-123", newPassword: user.username },
        locale: zh,
      }),
    );
    expect(sameAsName.fields?.newPassword).toBe("密码不能与用户名相同。");
    const viaToken = await failure(
      changeOwnPassword(
        { ...me, via: "token" },
        {
          input: { currentPassword: "initial-pass-123", newPassword: "a-new-password-1" },
          locale: zh,
        },
      ),
    );
    expect(viaToken.status).toBe(403);
    await changeOwnPassword(me, {
      input: { currentPassword: "initial-pass-123", newPassword: "a-new-password-1" },
      locale: zh,
    });
    expect(await signIn(user.username, "a-new-password-1")).toMatchObject({ ok: true });
    expect(await signIn(user.username, "initial-pass-123")).toMatchObject({ ok: false });
    expect((await auditRows(user.id)).at(-1)).toMatchObject({
      action: "user.changeOwnPassword",
      actorId: user.id,
    });
  });
});

describe("API tokens", () => {
  it("the secret is answered once, stored hashed, works as Bearer and records its last use", async () => {
    const created = await createToken(admin, { input: { name: "ci" }, locale: zh });
    expect(created.token).toMatch(/^rl_/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.lastUsedAt).toBeNull();
    // Default validity: 90 days, to the end of a China day.
    const days = (row.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(90);
    expect(days).toBeLessThanOrEqual(91);
    const me = await call(getMe.handler, { token: created.token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ username: "admin", via: "token" });
    const used = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(used.lastUsedAt).not.toBeNull();
    // Throttled: a second call within the minute does not write again.
    await call(getMe.handler, { token: created.token });
    const again = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(again.lastUsedAt).toEqual(used.lastUsedAt);
    // Lists show the prefix, never the secret.
    const list = await call(listTokensEndpoint.handler, {
      token: created.token,
      path: "/tokens?mine=true",
    });
    expect(list.status).toBe(200);
    expect(list.json.items.find((t: { id: string }) => t.id === created.id)).toMatchObject({
      prefix: created.prefix,
      state: "active",
    });
    expect(JSON.stringify(list.json)).not.toContain(created.token);
    expect((await auditRows(created.id)).map((r) => r.action)).toEqual(["apiToken.create"]);
  });

  it("revoked and expired tokens answer 401", async () => {
    const revoked = await createToken(admin, { input: { name: "to-revoke" }, locale: zh });
    expect((await call(getMe.handler, { token: revoked.token })).status).toBe(200);
    const dto = await revokeToken(admin, { id: revoked.id });
    expect(dto.state).toBe("revoked");
    expect((await call(getMe.handler, { token: revoked.token })).status).toBe(401);
    expect((await auditRows(revoked.id)).map((r) => r.action)).toEqual([
      "apiToken.create",
      "apiToken.revoke",
    ]);
    const expired = await createToken(admin, { input: { name: "to-expire" }, locale: zh });
    await db.prisma.apiToken.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await call(getMe.handler, { token: expired.token })).status).toBe(401);
  });

  it("who may create: own tokens by role, others' only for managed users, never via a token", async () => {
    const liaison = await actorFor(db.prisma, "liaison-crrc");
    expect((await createToken(liaison, { input: { name: "oa" }, locale: zh })).userId).toBe(
      liaison.id,
    );
    const reviewer = await actorFor(db.prisma, "reviewer-hunan");
    expect(
      (await failure(createToken(reviewer, { input: { name: "x" }, locale: zh }))).status,
    ).toBe(403);
    // admin-hunan creates one for the Hunan reviewer (a service use), not for a central user.
    const forReviewer = await createToken(adminHunan, {
      input: { name: "bi", userId: reviewer.id },
      locale: zh,
    });
    expect(forReviewer.username).toBe("reviewer-hunan");
    const crrcLiaison = await failure(
      createToken(adminHunan, { input: { name: "x", userId: liaison.id }, locale: zh }),
    );
    expect(crrcLiaison.status).toBe(404);
    const viaToken = await failure(
      createToken({ ...admin, via: "token" }, { input: { name: "x" }, locale: zh }),
    );
    expect(viaToken.status).toBe(403);
    const tooLong = await failure(
      createToken(admin, { input: { name: "x", expiresOn: "2999-01-01" }, locale: zh }),
    );
    expect(tooLong.fields).toHaveProperty("expiresOn");
    // admin-hunan lists and revokes the Hunan tokens, not the CRRC liaison's.
    const visible = (await listTokens(adminHunan, { limit: 200 })).items;
    expect(visible.some((t) => t.id === forReviewer.id)).toBe(true);
    expect(visible.some((t) => t.userId === liaison.id)).toBe(false);
    const crrcToken = (await listTokens(liaison, { mine: "true" })).items[0]!;
    expect((await failure(revokeToken(adminHunan, { id: crrcToken.id }))).status).toBe(404);
    expect((await revokeToken(adminHunan, { id: forReviewer.id })).state).toBe("revoked");
  });
});

describe("users API", () => {
  it("GET /users and /users/{id} through a token, scoped to the managed users", async () => {
    const { token } = await createToken(adminHunan, { input: { name: "api" }, locale: zh });
    const list = await call(listUsersEndpoint.handler, { token, path: "/users?limit=200" });
    expect(list.status).toBe(200);
    expect(list.json.items.every((u: { username: string }) => u.username !== "liaison-crrc")).toBe(
      true,
    );
    expect(JSON.stringify(list.json)).not.toMatch(/passwordHash/);
    const central = await db.prisma.user.findUniqueOrThrow({ where: { username: "liaison-crrc" } });
    const one = await call(getUserEndpoint.handler, { token, params: { id: central.id } });
    expect(one.status).toBe(404);
  });
});

describe("audit journal", () => {
  it("filters by object, actor and days, pages by keyset, newest first", async () => {
    const user = await hunanLiaison("audit");
    await updateUser(adminHunan, {
      id: user.id,
      input: { version: 1, displayName: "一" },
      locale: zh,
    });
    await updateUser(adminHunan, {
      id: user.id,
      input: { version: 2, displayName: "二" },
      locale: zh,
    });
    const all = await listAudit(admin, { entityType: "User", entityId: user.id });
    expect(all.items.map((r) => r.action)).toEqual(["user.update", "user.update", "user.create"]);
    expect(all.items[0]).toMatchObject({
      actorId: adminHunan.id,
      actorName: adminHunan.displayName,
    });
    const first = await listAudit(admin, { entityType: "User", entityId: user.id, limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listAudit(admin, {
      entityType: "User",
      entityId: user.id,
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((r) => r.action)).toEqual(["user.create"]);
    expect(second.nextCursor).toBeNull();
    const byActor = await listAudit(admin, { actorId: adminHunan.id, limit: 200 });
    expect(byActor.items.every((r) => r.actorId === adminHunan.id)).toBe(true);
    expect(byActor.items.some((r) => r.entityId === user.id)).toBe(true);
    const future = await listAudit(admin, { entityId: user.id, from: "2999-01-01" });
    expect(future.items).toEqual([]);
    const past = await listAudit(admin, { entityId: user.id, to: "2000-01-01" });
    expect(past.items).toEqual([]);
  });

  it("admin-hunan reads Hunan users' and Hunan objects' records, not the State Council's", async () => {
    const hunanUser = await hunanLiaison("scope");
    const centralUser = await createUser(admin, {
      input: {
        username: newName("sc"),
        displayName: "C",
        role: "LIAISON",
        enterpriseIds: [central.crrcId],
      },
      locale: zh,
    });
    const mine = await listAudit(adminHunan, { entityType: "User", entityId: hunanUser.id });
    expect(mine.items).toHaveLength(1);
    const theirs = await listAudit(adminHunan, { entityType: "User", entityId: centralUser.id });
    expect(theirs.items).toEqual([]);
    expect((await listAudit(admin, { entityId: centralUser.id })).items).toHaveLength(1);
    // A national admin's change of a Hunan user is about a managed user: visible.
    await updateUser(admin, {
      id: hunanUser.id,
      input: { version: 1, displayName: "改" },
      locale: zh,
    });
    const changed = await listAudit(adminHunan, { entityId: hunanUser.id });
    expect(changed.items.map((r) => r.actorId)).toContain(admin.id);
    // Everything admin-hunan may read is about its own users or objects in Hunan's scope.
    const page = await listAudit(adminHunan, { limit: 200 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.some((r) => r.entityId === centralUser.id)).toBe(false);
    // A seeded ledger item of a central enterprise is out of its scope.
    const crrcItem = await db.prisma.ledgerItem.findFirstOrThrow({
      where: { enterprise: { rootId: central.crrcId } },
    });
    await db.prisma.auditLog.create({
      data: {
        actorLabel: "system",
        action: "test.touch",
        entityType: "LedgerItem",
        entityId: crrcItem.id,
      },
    });
    expect((await listAudit(adminHunan, { entityId: crrcItem.id })).items).toEqual([]);
    expect((await listAudit(admin, { entityId: crrcItem.id })).items).toHaveLength(1);
    const hnItem = await db.prisma.ledgerItem.findFirstOrThrow({
      where: { enterprise: { supervisorId: hunan.supervisorId } },
    });
    await db.prisma.auditLog.create({
      data: {
        actorLabel: "system",
        action: "test.touch",
        entityType: "LedgerItem",
        entityId: hnItem.id,
      },
    });
    expect((await listAudit(adminHunan, { entityId: hnItem.id })).items).toHaveLength(1);
  });

  it("GET /audit takes the same filters; other roles are 403, a bad cursor 400", async () => {
    const { token } = await createToken(adminHunan, { input: { name: "audit" }, locale: zh });
    const user = await hunanLiaison("api-audit");
    const res = await call(listAuditEndpoint.handler, {
      token,
      path: `/audit?entityType=User&entityId=${user.id}`,
    });
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(1);
    expect(res.json.items[0]).toMatchObject({ action: "user.create", entityType: "User" });
    expect(
      (await call(listAuditEndpoint.handler, { token, path: "/audit?cursor=abc" })).status,
    ).toBe(400);
    const liaison = await actorFor(db.prisma, "liaison-crrc");
    const liaisonToken = (await createToken(liaison, { input: { name: "x" }, locale: zh })).token;
    expect(
      (await call(listAuditEndpoint.handler, { token: liaisonToken, path: "/audit" })).status,
    ).toBe(403);
  });
});

describe("the journal's readable diff", () => {
  it("lists only the changed fields, creations and removals included", () => {
    expect(
      changedFields(
        { displayName: "A", role: "LIAISON", enterprises: ["CRRC"], email: null },
        { displayName: "B", role: "LIAISON", enterprises: ["CRRC", "TELECOM"], email: "x@y.cn" },
      ),
    ).toEqual([
      { field: "displayName", before: "A", after: "B" },
      { field: "enterprises", before: "CRRC", after: "CRRC, TELECOM" },
      { field: "email", before: null, after: "x@y.cn" },
    ]);
    expect(changedFields(null, { active: true })).toEqual([
      { field: "active", before: null, after: "true" },
    ]);
    expect(changedFields({ gone: 1 }, null)).toEqual([{ field: "gone", before: "1", after: null }]);
    expect(changedFields({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
  });
});
