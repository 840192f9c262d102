/** Calls an endpoint's handler directly with a Bearer API token (no Origin needed, no proxy). */
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import type { Endpoint } from "@/lib/api/endpoint";
import type { CallParts } from "./requests";

export const SITE = "http://ledger.test";

export const opKey = (e: Endpoint) => `${e.def.method.toUpperCase()} ${e.def.path}`;

/** Fills "{id}" from params; anything that names nothing stays as sent. */
const fillPath = (p: string, params: Record<string, string>) =>
  p.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ""));

export async function call(endpoint: Endpoint, token: string | null, parts: CallParts) {
  const url = new URL(`${SITE}/api/v1${fillPath(endpoint.def.path, parts.params ?? {})}`);
  for (const [k, v] of Object.entries(parts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { "accept-language": "en" };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (parts.form) body = parts.form;
  else if (parts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = typeof parts.body === "string" ? parts.body : JSON.stringify(parts.body);
  }
  const request = new NextRequest(url, {
    method: endpoint.def.method.toUpperCase(),
    headers,
    body,
  });
  const response = await endpoint.handler(request, {
    params: Promise.resolve(parts.params ?? {}),
  });
  const type = response.headers.get("content-type") ?? "";
  const text = type.includes("json") ? await response.text() : "";
  if (!type.includes("json")) await response.arrayBuffer().catch(() => undefined);
  return {
    status: response.status,
    type,
    requestId: response.headers.get("x-request-id"),
    json: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

/** "METHOD /path" of every handler exported by a route file under app/api/v1. */
export function routeOperations(root = path.join(process.cwd(), "app/api/v1")): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(root, dir).split(path.sep).join("/");
        const apiPath = `/${rel}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/$/, "") || "/";
        const source = fs.readFileSync(full, "utf8");
        const methods = new Set<string>();
        for (const m of source.matchAll(
          /export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
        ))
          methods.add(m[1]!);
        for (const m of source.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g))
          methods.add(m[1]!);
        for (const m of methods) out.push(`${m} ${apiPath}`);
      }
    }
  };
  walk(root);
  return out.sort();
}
