import http from "node:http";
import type { Duplex } from "node:stream";

/**
 * TRACE (and CONNECT) never reach a route handler cleanly in Next.js 16: the framework wraps
 * every request in a WHATWG `Request` before the proxy and the route run, and the Fetch standard
 * forbids those methods, so undici throws "'TRACE' HTTP method is unsupported" and Next answers
 * 500. Node's own HTTP server hands CONNECT to a "connect" listener (none: the socket is just
 * dropped, so one is added on the server's first connection). Neither can be answered from a route or proxy.ts, so the HTTP server answers them
 * itself: 501 Not Implemented, for every path. Other methods Next cannot route are answered by
 * proxy.ts (501) or by Node's parser (400 for unknown tokens).
 *
 * Installed once from instrumentation.ts, which Next.js runs before it serves requests.
 */
const REFUSED = new Set(["TRACE", "TRACK", "CONNECT"]);
const INSTALLED = Symbol.for("reform-ledger.unsupported-methods");

const BODY = JSON.stringify({
  error: { code: "not_implemented", message: "This HTTP method is not supported." },
});
const HEADERS = {
  "content-type": "application/json",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  connection: "close",
};

function refuseConnect(_req: http.IncomingMessage, socket: Duplex) {
  const head = Object.entries({ ...HEADERS, "content-length": Buffer.byteLength(BODY) })
    .map(([key, value]) => `${key}: ${value}\r\n`)
    .join("");
  socket.end(`HTTP/1.1 501 Not Implemented\r\n${head}\r\n${BODY}`);
}

export function refuseUnsupportedMethods(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (REFUSED.has(req.method ?? "")) {
        res.writeHead(501, { ...HEADERS, "content-length": Buffer.byteLength(BODY) });
        res.end(BODY);
        return true;
      }
    } else if (event === "connection" && this.listenerCount("connect") === 0) {
      // Node emits "connect" only when someone listens (else it drops the socket unanswered).
      this.on("connect", refuseConnect);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
