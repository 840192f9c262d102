import "server-only";
import { isIP } from "node:net";
import { serverEnv } from "@/lib/env";

type HeaderGetter = (name: string) => string | null | undefined;

/**
 * The client's address for throttling. Next hands route handlers no socket: its server puts the
 * socket address into X-Forwarded-For only when the request has none (`??=` in its base server),
 * so that header is all there is. With `trustedProxies` (TRUST_PROXY) > 0 the address is the one
 * the outermost trusted proxy appended (that many entries from the right). With 0 it is the last
 * entry, which is the socket address unless a client talking to the app directly sent the header
 * itself: deployments put a proxy in front that overwrites or appends to it and set TRUST_PROXY.
 * IPv6 addresses count per /64 (one subscriber's network), IPv4-mapped ones as IPv4.
 */
export function clientIp(
  header: HeaderGetter,
  trustedProxies: number = serverEnv().TRUST_PROXY,
): string {
  const hops = (header("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const index = trustedProxies > 0 ? Math.max(0, hops.length - trustedProxies) : hops.length - 1;
  return normalise(hops[index] ?? "");
}

function normalise(raw: string): string {
  const address = raw.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  switch (isIP(address)) {
    case 4:
      return address;
    case 6:
      return `${expand(address).slice(0, 4).join(":")}::/64`;
    default:
      return "unknown";
  }
}

function expand(v6: string): string[] {
  const [head, tail] = v6.toLowerCase().split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => "0");
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map(
    (group) => group.replace(/^0+(?=.)/, "") || "0",
  );
}
