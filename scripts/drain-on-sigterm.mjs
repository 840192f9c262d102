/**
 * Preloaded into `next start` (node --import): makes its own SIGTERM handling drain under load.
 *
 * Next stops listening on SIGTERM and exits once its server has closed, but an HTTP server only
 * closes when its last connection does, and a client with keep-alive sockets (a proxy, a load
 * balancer, a busy API client) keeps its connections busy forever: the server never closes and the
 * process is killed mid-request. So once SIGTERM arrives, every response says `Connection: close`:
 * each connection ends after the request it is serving, and the server closes when the last one
 * has been answered.
 *
 * Closing the server also destroys its idle keep-alive sockets at once, and a client may be
 * sending its next request on one at that very moment: that request meets a reset it cannot tell
 * from a crash. So idle sockets get a short grace first: a request arriving in it is answered
 * (with `Connection: close`), then whatever is still idle is closed. No dependencies; loaded
 * before Next.
 */
import http from "node:http";

let draining = false;
process.prependListener("SIGTERM", () => {
  draining = true;
});

// Every response passes here (res.end without writeHead calls it too, via _implicitHeader).
const writeHead = http.ServerResponse.prototype.writeHead;
http.ServerResponse.prototype.writeHead = function drainingWriteHead(...args) {
  if (draining && !this.headersSent) this.shouldKeepAlive = false;
  return writeHead.apply(this, args);
};

/** Long enough for a request already on the wire to arrive; short against the drain timeout. */
const IDLE_GRACE_MS = 1_000;

const closeIdleConnections = http.Server.prototype.closeIdleConnections;
http.Server.prototype.closeIdleConnections = function gracefulCloseIdle(...args) {
  if (!draining) return closeIdleConnections.apply(this, args);
  setTimeout(() => closeIdleConnections.apply(this, args), IDLE_GRACE_MS).unref();
};
