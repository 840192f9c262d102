import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Throttled } from "./throttle";

type Box = { throttled?: Throttled };
const current = new AsyncLocalStorage<Box>();

/** Called from `authorize` when the throttle refused the attempt. */
export function noteThrottled(throttled: Throttled): void {
  const box = current.getStore();
  if (box) box.throttled = throttled;
}

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string[]>> },
) => Promise<Response>;

/**
 * Wraps next-auth's route handler: next-auth answers every refused credentials sign-in with 401,
 * so an attempt the throttle refused is turned into 429 with Retry-After here (the body, which
 * next-auth's client reads, stays as it was).
 */
export function withSignInThrottle(handler: Handler): Handler {
  return async (request, context) => {
    const box: Box = {};
    const response = await current.run(box, () => handler(request, context));
    if (!box.throttled) return response;
    const headers = new Headers(response.headers);
    headers.set("Retry-After", String(box.throttled.retryAfterSeconds));
    return new Response(response.body, { status: 429, headers });
  };
}
