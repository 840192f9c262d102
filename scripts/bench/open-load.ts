/**
 * An open-model load generator: requests start on a fixed schedule (request i at t0 + i / rate)
 * whether or not earlier ones have finished, and each latency is measured from its scheduled
 * start, so a stall shows in the tail instead of slowing the arrivals (the coordinated omission
 * of closed-loop tools such as autocannon). Bounded: `rate * seconds` requests, each with a
 * timeout, against loopback addresses only.
 */
import http from "node:http";

export type Request = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Checks an answer (status and body); a string is the error. Default: 2xx. */
  check?: (status: number, body: string) => string | null;
};

export type RunResult = {
  latencies: number[];
  errors: number;
  errorSamples: string[];
  seconds: number;
  sent: number;
};

export type Summary = {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  throughput: number;
  errors: number;
  requests: number;
};

const TIMEOUT_MS = 15_000;
/**
 * Past this many requests in flight the server has fallen behind for good: further arrivals are
 * not sent but counted as errors ("dropped"), so an overloaded run stays bounded for the machine.
 */
const MAX_IN_FLIGHT = 200;

/** Keep-alive sockets without a cap, so the client never queues a request behind another. */
export function loadAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 512 });
}

/**
 * One request with node:http: status and body text, or a rejection (timeout, reset). A kept-alive
 * socket the server closed just as it was reused is retried once on a new one (Node's advice for
 * `reusedSocket`): that race is the client's, not a server error.
 */
export function send(
  agent: http.Agent,
  origin: URL,
  req: Request,
  retried = false,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        agent,
        host: origin.hostname,
        port: origin.port,
        method: req.method ?? "GET",
        path: req.path,
        headers: { ...(req.body ? { "content-type": "application/json" } : {}), ...req.headers },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    r.on("timeout", () => r.destroy(new Error(`timeout after ${TIMEOUT_MS} ms`)));
    r.on("error", (error: NodeJS.ErrnoException) => {
      if (!retried && r.reusedSocket && error.code === "ECONNRESET")
        resolve(send(agent, origin, req, true));
      else reject(error);
    });
    r.end(req.body);
  });
}

export async function runOpenLoad(options: {
  origin: string;
  rate: number;
  seconds: number;
  next: (i: number) => Request;
  agent: http.Agent;
}): Promise<RunResult> {
  const url = new URL(options.origin);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))
    throw new Error(`Load is only ever sent to this machine, not ${url.hostname}`);
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now() + 20;

  let inFlight = 0;
  let dropped = 0;
  const fire = (i: number, scheduled: number) => {
    if (inFlight >= MAX_IN_FLIGHT) {
      errors += 1;
      dropped += 1;
      return;
    }
    inFlight += 1;
    const req = options.next(i);
    const p = send(options.agent, url, req)
      .then((res) => {
        const problem = req.check
          ? req.check(res.status, res.text)
          : res.status >= 200 && res.status < 300
            ? null
            : `${res.status} ${res.text.slice(0, 200)}`;
        latencies.push(performance.now() - scheduled);
        if (problem) {
          errors += 1;
          if (errorSamples.length < 5)
            errorSamples.push(`${req.method ?? "GET"} ${req.path}: ${problem}`);
        }
      })
      .catch((error: unknown) => {
        latencies.push(performance.now() - scheduled);
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${req.path}: ${String(error)}`);
      })
      .finally(() => {
        inFlight -= 1;
      });
    inflight.push(p);
  };

  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Every request whose time has come starts now, however late the timer fired.
      while (sent < total && t0 + sent * interval <= now) {
        fire(sent, t0 + sent * interval);
        sent += 1;
      }
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, Math.min(5, t0 + sent * interval - performance.now())));
    };
    tick();
  });
  await Promise.all(inflight);
  if (dropped)
    errorSamples.push(`${dropped} arrivals dropped: ${MAX_IN_FLIGHT} requests were in flight`);
  return { latencies, errors, errorSamples, seconds: (performance.now() - t0) / 1000, sent };
}

export function summarise(run: RunResult): Summary {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
    throughput: (run.sent - run.errors) / run.seconds,
    errors: run.errors,
    requests: run.sent,
  };
}
