import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadActor } from "./actor";
import { authOptions } from "./options";
import type { Actor } from "./policy";

/** The signed-in actor for this request (server components and server actions), or null. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  return userId ? loadActor(userId, "session") : null;
});

/** For pages: the actor, or a redirect to sign-in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** The server-side session a request signs in with (its "Session" row), if it comes with one. */
export async function currentSessionId(request: NextRequest): Promise<string | undefined> {
  const token = await getToken({ req: request });
  return typeof token?.sid === "string" ? token.sid : undefined;
}
