import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null; image?: string | null };
  }
  interface User {
    /** The "Session" row opened at sign-in (lib/auth/server-sessions.ts). */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** Session id: checked against "Session" on every request. */
    sid?: string;
    /** Sign-in time (ms since the epoch): the absolute lifetime counts from here. */
    authAt?: number;
  }
}
