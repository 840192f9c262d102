/**
 * Calls an /api/v1 handler below HTTP as a user of the seeded database, through an API token
 * (made once per user), the way a program would: JSON in, status and JSON out.
 */
import { NextRequest } from "next/server";
import { createApiToken } from "@/lib/auth/tokens";
import type { TestDatabase } from "./setup/db";

export type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export type CallOptions = {
  /** A seeded username; its token is made on first use. */
  as: string;
  path: string;
  method?: string;
  params?: Record<string, string>;
  body?: unknown;
  lang?: string;
};

export function apiCaller(db: () => TestDatabase) {
  const tokens = new Map<string, string>();
  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) {
      const user = await db().prisma.user.findUniqueOrThrow({ where: { username } });
      tokens.set(username, (await createApiToken(user.id, "test")).token);
    }
    return tokens.get(username)!;
  };
  return async function call(handler: Handler, options: CallOptions) {
    const headers: Record<string, string> = {
      "accept-language": options.lang ?? "zh-CN",
      authorization: `Bearer ${await tokenOf(options.as)}`,
    };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const request = new NextRequest(`http://localhost/api/v1${options.path}`, {
      method: options.method ?? (options.body !== undefined ? "POST" : "GET"),
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
    return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}
