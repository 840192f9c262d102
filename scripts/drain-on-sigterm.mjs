/**
 * Preloaded into `next start` (node --import): makes its own SIGTERM handling drain under load.
 *
 * Next stops listening on SIGTERM and exits once its server has closed, but an HTTP server only
 * closes when its last connection does, and a client with keep-alive sockets (a proxy, a load
 * balancer, a busy API client) keeps its connections busy forever: the server never closes and the
 * process is killed mid-request. So once SIGTERM arrives, every response says `Connection: close`:
 * each connection ends after the request it is serving, and the server closes when the last one
 * has been answered. No dependencies; loaded before Next.
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
