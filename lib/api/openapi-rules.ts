import "server-only";

/**
 * Rules the server enforces that zod expresses as refinements (invisible to the OpenAPI
 * generator), written into the document's schemas so that a generated client can validate
 * before sending. tests/unit/openapi.test.ts checks each against the server's own validation,
 * so the two cannot drift apart silently.
 */

type JsonSchema = {
  type?: string | string[];
  pattern?: string;
  description?: string;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  if?: JsonSchema;
  then?: JsonSchema;
  const?: unknown;
  [key: string]: unknown;
};

/** A reporting period: a month `YYYY-MM` or a quarter `YYYY-Qn`. */
export const PERIOD_PATTERN = "^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$";

function describe(schema: JsonSchema, rule: string) {
  schema.description = schema.description ? `${schema.description} ${rule}` : rule;
}

function period(schema: JsonSchema) {
  const property = schema.properties?.period;
  if (!property) throw new Error("openapi rules: no `period` property");
  property.pattern = PERIOD_PATTERN;
  property.examples = ["2025-06", "2025-Q2"];
  describe(property, "Reporting period: a month `YYYY-MM` or a quarter `YYYY-Qn`.");
}

/** Component schema id -> what to add. A rule whose schema is missing fails the document build. */
export const SCHEMA_RULES: Record<string, (schema: JsonSchema) => void> = {
  RecordProgressInput: period,
  ClaimCompletionInput: period,
  OpenRoundInput(schema) {
    period(schema);
    describe(schema, "Rule: `windowClosesOn` is on or after `windowOpensOn` (else 422).");
  },
  ReviewDecisionInput(schema) {
    // JSON Schema 2020-12 (OpenAPI 3.1): a RETURN needs a comment with some non-blank text.
    schema.if = { properties: { decision: { const: "RETURN" } }, required: ["decision"] };
    schema.then = { required: ["comment"], properties: { comment: { pattern: "\\S" } } };
    describe(
      schema,
      "Rule: a comment is required when returning (`decision` = RETURN), else 422 on `comment`.",
    );
  },
};

export function applySchemaRules(schemas: Record<string, JsonSchema>) {
  for (const [id, apply] of Object.entries(SCHEMA_RULES)) {
    const schema = schemas[id];
    if (!schema) throw new Error(`openapi rules: no component schema ${id}`);
    apply(schema);
  }
}
