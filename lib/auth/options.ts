import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { clientIp } from "./client-ip";
import { verifyCredentials } from "./credentials";
import { revokeSession } from "./revoke-sessions";
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_SECONDS,
  isSessionLive,
  openSession,
} from "./server-sessions";
import { noteThrottled } from "./sign-in-route";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** Thrown by the jwt callback for an ended session: next-auth then clears the cookie. */
class SessionEnded extends Error {
  override name = "SessionEnded";
}

type Headers = Record<string, string | string[] | undefined>;
const header = (headers: Headers | undefined) => (name: string) => {
  const value = headers?.[name];
  return Array.isArray(value) ? value.join(",") : value;
};

/**
 * JWT sessions backed by a row in "Session": the cookie carries the user, the session id and the
 * sign-in time, and every request that resolves a signed-in actor (getServerSession in
 * lib/auth/session.ts and lib/api/endpoint.ts runs the jwt callback) checks that row, so a
 * sign-out, a revocation or the 12-hour absolute lifetime ends the cookie everywhere at once.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const get = header(request?.headers as Headers | undefined);
        const ip = clientIp(get);
        const now = new Date();
        const result = await verifyCredentials({ ...parsed.data, ip, now });
        // next-auth passes a thrown message to the client as `error`.
        if (!result.ok && result.reason === "throttled") {
          noteThrottled(result);
          const code = result.scope === "account" ? "locked" : "throttled";
          throw new Error(`${code}:${result.retryAfterSeconds}`);
        }
        if (!result.ok) throw new Error("invalid");
        const session = await openSession(getDb(), {
          userId: result.userId,
          ip,
          userAgent: get("user-agent") ?? null,
          now,
        });
        return { id: result.userId, name: result.displayName, sessionId: session.id };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = user.sessionId;
        token.authAt = Date.now();
        return token;
      }
      const now = new Date();
      const live =
        typeof token.uid === "string" &&
        typeof token.sid === "string" &&
        typeof token.authAt === "number" &&
        now.getTime() - token.authAt < SESSION_ABSOLUTE_MS &&
        (await isSessionLive(getDb(), { sessionId: token.sid, userId: token.uid, now }));
      if (!live) throw new SessionEnded("The session has ended");
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(getDb(), token.sid, new Date());
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is an ordinary outcome, not an error worth a log line.
      if (code === "JWT_SESSION_ERROR" && metadata instanceof SessionEnded) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
