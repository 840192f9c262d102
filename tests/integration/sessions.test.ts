/**
 * Server-side sessions: the jwt callback (run by every getServerSession, so by every page and
 * API request that resolves a signed-in actor) accepts a cookie only while its "Session" row is
 * on. Sign-out and revokeUserSessions end sessions; the absolute lifetime of 12 hours from
 * sign-in ends them however often the cookie was refreshed (proven with a moved clock).
 */
import type { JWT } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { revokeSession, revokeUserSessions } from "@/lib/auth/revoke-sessions";
import { SESSION_ABSOLUTE_MS, isSessionLive, openSession } from "@/lib/auth/server-sessions";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let adminId: string;
let managerId: string;

beforeAll(async () => {
  db = await seededTestDatabase();
  adminId = (await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } })).id;
  managerId = (await db.prisma.user.findUniqueOrThrow({ where: { username: "manager" } })).id;
});
afterAll(() => db?.drop());
afterEach(() => vi.useRealTimers());

const HOUR = 3_600_000;
const jwt = authOptions.callbacks!.jwt!;
type JwtParams = Parameters<typeof jwt>[0];

/** The token next-auth writes at sign-in (the jwt callback with the authorized user). */
async function signInToken(userId: string, sessionId: string): Promise<JWT> {
  return jwt({
    token: { sub: userId },
    user: { id: userId, name: "x", sessionId },
    trigger: "signIn",
  } as JwtParams);
}

/** A later request with that cookie: resolves to the token, or rejects when the session ended. */
const refresh = (token: JWT) => jwt({ token } as JwtParams);

async function session(userId: string, now = new Date()) {
  return openSession(db.prisma, { userId, ip: "192.0.2.1", userAgent: "test", now });
}

describe("server-side sessions", () => {
  it("a signed-out session's cookie no longer authenticates", async () => {
    const s = await session(adminId);
    const token = await signInToken(adminId, s.id);
    await expect(refresh(token)).resolves.toMatchObject({ uid: adminId, sid: s.id });

    // next-auth's sign-out route calls this event with the decoded cookie.
    await authOptions.events!.signOut!({ token, session: undefined as never });
    await expect(refresh(token)).rejects.toThrow(/ended/);
    expect(
      await isSessionLive(db.prisma, { sessionId: s.id, userId: adminId, now: new Date() }),
    ).toBe(false);
  });

  it("signing out on one device leaves the user's other sessions on", async () => {
    const a = await session(adminId);
    const b = await session(adminId);
    await revokeSession(db.prisma, a.id, new Date());
    await expect(refresh(await signInToken(adminId, a.id))).rejects.toThrow();
    await expect(refresh(await signInToken(adminId, b.id))).resolves.toBeTruthy();
  });

  it("revokeUserSessions ends every session of that user and no one else's", async () => {
    const mine = [await session(managerId), await session(managerId)];
    const other = await session(adminId);
    const count = await db.prisma.$transaction((tx) => revokeUserSessions(tx, managerId));
    expect(count).toBe(2);
    for (const s of mine) {
      await expect(refresh(await signInToken(managerId, s.id))).rejects.toThrow();
    }
    await expect(refresh(await signInToken(adminId, other.id))).resolves.toBeTruthy();
  });

  it("a cookie naming another user's session, or no session, is refused", async () => {
    const s = await session(adminId);
    await expect(refresh({ uid: managerId, sid: s.id, authAt: Date.now() })).rejects.toThrow();
    await expect(refresh({ uid: adminId, authAt: Date.now() })).rejects.toThrow();
    // A cookie from before sessions were recorded (no sid, no sign-in time).
    await expect(refresh({ uid: adminId })).rejects.toThrow();
  });

  it("ends 12 hours after sign-in however often it was refreshed (moved clock)", async () => {
    const signedIn = new Date("2026-12-01T01:00:00.000Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(signedIn);
    const s = await session(adminId, signedIn);
    let token = await signInToken(adminId, s.id);
    expect(token.authAt).toBe(signedIn.getTime());

    // Refreshed every hour: still on until the twelfth hour, and refreshing never moves authAt.
    for (let hour = 1; hour < 12; hour++) {
      vi.setSystemTime(new Date(signedIn.getTime() + hour * HOUR));
      token = await refresh(token);
      expect(token.authAt).toBe(signedIn.getTime());
    }
    vi.setSystemTime(new Date(signedIn.getTime() + SESSION_ABSOLUTE_MS - 1000));
    await expect(refresh(token)).resolves.toBeTruthy();
    vi.setSystemTime(new Date(signedIn.getTime() + SESSION_ABSOLUTE_MS));
    await expect(refresh(token)).rejects.toThrow(/ended/);

    // The row enforces the lifetime on its own as well (a token whose sign-in time was forged).
    const forged = { ...token, authAt: Date.now() };
    await expect(refresh(forged)).rejects.toThrow(/ended/);
  });
});
