import "server-only";
import * as bulletins from "@/lib/bulletins/api";
import * as comments from "@/lib/comments/api";
import * as dashboard from "@/lib/dashboard/api";
import * as enterprises from "@/lib/enterprises/api";
import * as ledger from "@/lib/ledger/api";
import * as me from "@/lib/me/api";
import * as notices from "@/lib/notices/api";
import * as notifications from "@/lib/notifications/api";
import * as review from "@/lib/review/api";
import * as rounds from "@/lib/rounds/api";
import * as savedViews from "@/lib/saved-views/api";
import type { Endpoint } from "./endpoint";

/**
 * OpenAPI operationIds: the endpoint's exported name without its "Endpoint" suffix
 * (`recordProgressEndpoint` -> `recordProgress`), so a generated client reads like the server.
 * An endpoint of a module not listed here gets one made from its method and path
 * (`post /rounds/{id}/reminders` -> `postRoundsByIdReminders`): stable as long as the path is.
 */
const MODULES: readonly Record<string, unknown>[] = [
  bulletins,
  comments,
  dashboard,
  enterprises,
  ledger,
  me,
  notices,
  notifications,
  review,
  rounds,
  savedViews,
];

const isEndpoint = (value: unknown): value is Endpoint =>
  typeof value === "object" &&
  value !== null &&
  "def" in value &&
  "handler" in value &&
  typeof (value as Endpoint).handler === "function";

let names: Map<Endpoint, string> | undefined;

function namedEndpoints(): Map<Endpoint, string> {
  names ??= new Map(
    MODULES.flatMap((module) =>
      Object.entries(module).flatMap(([name, value]) =>
        isEndpoint(value) ? [[value, name.replace(/Endpoint$/, "")] as const] : [],
      ),
    ),
  );
  return names;
}

const pascal = (word: string) =>
  word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");

/** `post /rounds/{id}/reminders` -> `postRoundsByIdReminders`. */
export function derivedOperationId(method: string, path: string): string {
  const segments = path
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      return param ? `By${pascal(param)}` : pascal(segment);
    });
  return method.toLowerCase() + segments.join("");
}

export function operationIdOf(endpoint: Endpoint): string {
  return (
    namedEndpoints().get(endpoint) ?? derivedOperationId(endpoint.def.method, endpoint.def.path)
  );
}
