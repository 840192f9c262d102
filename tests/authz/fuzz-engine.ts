/**
 * Fuzzing from the OpenAPI document: for each operation, fast-check generates params, query and
 * bodies from the documented JSON schemas (valid ones, and invalid ones by mutation), calls the
 * handler with an API token, and checks the answer: never 5xx, a documented status, and a JSON
 * body that validates against the schema documented for that status (ajv, JSON Schema 2020-12).
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { API_ENDPOINTS } from "@/lib/api/catalog";
import type { Endpoint } from "@/lib/api/endpoint";
import { openApiDocument } from "@/lib/api/openapi";
import { call, opKey } from "./call";
import type { CallParts } from "./requests";

type Schema = Record<string, unknown>;
type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/**
 * Answers known to differ from the document, listed until the contract is fixed; they are counted
 * in `known`, not in `failures`.
 */
export const KNOWN_GAPS: Record<string, string> = {};

export type FuzzStats = {
  known: Record<string, number>;
  operations: number;
  requests: number;
  statuses: Record<number, number>;
  failures: string[];
};

const doc = () => openApiDocument() as Doc;

/** A generator for values of a JSON schema; `ids` are real uuids, to reach past the 404s. */
function arbitrary(schema: Schema, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = String(schema.$ref).split("/").pop()!;
    return arbitrary(doc().components.schemas[name]!, ids, depth + 1);
  }
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (union) return fc.oneof(...union.map((s) => arbitrary(s, ids, depth + 1)));
  if (Array.isArray(schema.type))
    return fc.oneof(
      ...(schema.type as string[]).map((type) => arbitrary({ ...schema, type }, ids, depth)),
    );
  switch (schema.type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({
        min: (schema.minimum as number) ?? -1000,
        max: (schema.maximum as number) ?? 100_000,
      });
    case "number":
      return fc.double({
        min: (schema.minimum as number) ?? -1e6,
        max: (schema.maximum as number) ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "string":
      return stringOf(schema, ids);
    case "array": {
      const items = (schema.items as Schema) ?? {};
      return fc.array(arbitrary(items, ids, depth + 1), {
        minLength: (schema.minItems as number) ?? 0,
        maxLength: Math.min((schema.maxItems as number) ?? 4, 4),
      });
    }
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      if (depth > 6) return fc.constant({});
      return fc.record(
        Object.fromEntries(
          Object.entries(props).map(([k, s]) => [k, arbitrary(s, ids, depth + 1)]),
        ),
        { requiredKeys: ((schema.required as string[]) ?? []).filter((k) => k in props) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(schema: Schema, ids: string[]): fc.Arbitrary<string> {
  const min = (schema.minLength as number) ?? 0;
  const max = Math.min((schema.maxLength as number) ?? 40, 200);
  switch (schema.format) {
    case "uuid":
      return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
    case "date":
      return fc
        .date({ min: new Date("2020-01-01"), max: new Date("2032-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "date-time":
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    case "email":
      return fc.emailAddress();
  }
  if (typeof schema.pattern === "string") {
    try {
      const re = new RegExp(schema.pattern as string);
      // Lengths are left to the pattern: a filter on them can reject every candidate.
      return fc.stringMatching(re);
    } catch {
      /* a pattern JavaScript cannot read: plain strings */
    }
  }
  return fc.string({ minLength: min, maxLength: max, unit: "grapheme" });
}

/** Valid values, or one of several ways to break them. */
function maybeBroken(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.string(), fc.jsonValue({ maxDepth: 1 }))
        .map(([v, k, junk]) =>
          v && typeof v === "object" && !Array.isArray(v)
            ? { ...(v as object), [Object.keys(v as object)[0] ?? k]: junk }
            : junk,
        ),
    },
  );
}

const asQueryValue = (v: unknown) =>
  Array.isArray(v) ? v.join(",") : typeof v === "string" ? v : JSON.stringify(v);

/** The request parts for one operation, from its documented inputs. */
function partsOf(operation: Operation, ids: string[]): fc.Arbitrary<CallParts> {
  const params = (operation.parameters ?? []).filter((p) => p.in === "path");
  const query = (operation.parameters ?? []).filter((p) => p.in === "query");
  const json = operation.requestBody?.content["application/json"]?.schema;
  const multipart = !!operation.requestBody?.content["multipart/form-data"];
  const idArb = fc.oneof(fc.constantFrom(...ids), fc.uuid(), fc.string({ maxLength: 40 }));
  return fc.record({
    params: fc.record(Object.fromEntries(params.map((p) => [p.name, idArb]))),
    query: fc
      .record(
        Object.fromEntries(
          query.map((p) => [
            p.name,
            fc.oneof(
              { weight: 3, arbitrary: arbitrary(p.schema, ids).map(asQueryValue) },
              { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
            ),
          ]),
        ),
        { requiredKeys: query.filter((p) => p.required).map((p) => p.name) },
      )
      .map((q) => q as Record<string, string>),
    body: json
      ? fc.oneof(
          { weight: 8, arbitrary: maybeBroken(arbitrary(json, ids)) },
          { weight: 1, arbitrary: fc.constant("{not json") },
        )
      : fc.constant(undefined),
    form: multipart
      ? fc
          .tuple(
            fc.uint8Array({ maxLength: 256 }),
            fc.constantFrom("a.pdf", "a.xlsx", "x"),
            fc.string(),
          )
          .map(([bytes, name, kind]) => {
            const form = new FormData();
            form.set("file", new File([bytes], name));
            form.set("kind", kind);
            return form;
          })
      : fc.constant(undefined),
  });
}

/** Checks one answer against the document; returns what is wrong, or null. */
const validators = new Map<Schema, ReturnType<Ajv2020["compile"]>>();

function check(
  ajv: Ajv2020,
  operation: Operation,
  res: Awaited<ReturnType<typeof call>>,
): string | null {
  if (res.status >= 500) return `status ${res.status}`;
  const documented = operation.responses[String(res.status)];
  if (!documented) return `undocumented status ${res.status}`;
  const schema = documented.content?.["application/json"]?.schema;
  if (!schema || !res.type.includes("json")) return null;
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile({ ...schema, components: doc().components });
    validators.set(schema, validate);
  }
  return validate(res.json) ? null : `body of ${res.status}: ${ajv.errorsText(validate.errors)}`;
}

/** Fuzzes every operation with each token; `runs` generated requests per operation and token. */
export async function fuzzAll(options: {
  tokens: Record<string, string>;
  ids: string[];
  runs: number;
  seed?: number;
  only?: (e: Endpoint) => boolean;
  progress?: (line: string) => void;
}): Promise<FuzzStats> {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  const stats: FuzzStats = { known: {}, operations: 0, requests: 0, statuses: {}, failures: [] };
  for (const endpoint of API_ENDPOINTS.filter(options.only ?? (() => true))) {
    const operation = doc().paths[endpoint.def.path.replace(/\/$/, "")]?.[endpoint.def.method];
    if (!operation) {
      stats.failures.push(`${opKey(endpoint)}: not in the OpenAPI document`);
      continue;
    }
    stats.operations++;
    const started = Date.now();
    for (const [who, token] of Object.entries(options.tokens)) {
      await fc.assert(
        fc.asyncProperty(partsOf(operation, options.ids), async (parts) => {
          const res = await call(endpoint, token, parts);
          stats.requests++;
          stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
          const problem = check(ajv, operation, res);
          const gap = `${opKey(endpoint)} ${res.status}`;
          if (problem && KNOWN_GAPS[gap]) stats.known[gap] = (stats.known[gap] ?? 0) + 1;
          else if (problem && stats.failures.length < 200)
            stats.failures.push(
              `${opKey(endpoint)} as ${who}: ${problem} <- ${JSON.stringify({ ...parts, form: undefined }).slice(0, 300)}`,
            );
        }),
        { numRuns: options.runs, seed: options.seed, endOnFailure: true },
      );
    }
    options.progress?.(`${opKey(endpoint)} ${Date.now() - started} ms`);
  }
  return stats;
}
