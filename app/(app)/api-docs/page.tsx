import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { table } from "@/components/ui/section";
import { openApiDocument } from "@/lib/api/openapi";
import { requireActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

// The subset of an OpenAPI 3.1 document this page reads.
type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  $ref?: string;
  minimum?: number;
  maximum?: number;
};
type Parameter = {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: Schema;
};
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Schema }> }
  >;
};
type Document = {
  info?: { title?: string; version?: string; description?: string };
  servers?: { url: string }[];
  paths?: Record<string, Record<string, Operation>>;
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const METHOD_CLASS: Record<string, string> = {
  get: "bg-blue-100 text-blue-900",
  post: "bg-green-100 text-green-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

function permissionOf(op: Operation): string | null {
  return op.description?.match(/permission `([^`]+)`/)?.[1] ?? null;
}

function refName(ref: string) {
  return ref.split("/").at(-1) ?? ref;
}

function describeSchema(schema: Schema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return refName(schema.$ref);
  const parts: string[] = [];
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  if (schema.enum) parts.push(schema.enum.map(String).join(" | "));
  else if (type) parts.push(schema.format ? `${type} (${schema.format})` : type);
  if (schema.minimum !== undefined && schema.maximum !== undefined)
    parts.push(`${schema.minimum}–${schema.maximum}`);
  if (schema.default !== undefined) parts.push(`= ${String(schema.default)}`);
  return parts.join(", ");
}

/** A readable rendering of the OpenAPI document, generated from the same schemas as the handlers. */
export default async function ApiDocsPage() {
  await requireActor();
  const [t, tp, tc] = await Promise.all([
    getTranslations("apiDocs"),
    getTranslations("permissions"),
    getTranslations("common"),
  ]);
  const doc = openApiDocument() as Document;
  const base = doc.servers?.[0]?.url ?? "/api/v1";
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, op: item[method] }] : [])),
  );
  // Grouped by the operation's tag (its feature), in the order the tags first appear.
  const groups = [
    ...operations
      .reduce((byTag, operation) => {
        const tag = operation.op.tags?.[0] ?? "";
        byTag.set(tag, [...(byTag.get(tag) ?? []), operation]);
        return byTag;
      }, new Map<string, typeof operations>())
      .entries(),
  ];
  const IN_LABEL: Record<Parameter["in"], string> = {
    path: t("inPath"),
    query: t("inQuery"),
    header: t("inHeader"),
    cookie: t("inCookie"),
  };

  return (
    <div className="space-y-5">
      <PageHeader title={t("heading")} intro={t("intro")}>
        <a
          href="/api/v1/openapi.json"
          className="rounded-md border border-brand-700 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {t("download")}
        </a>
      </PageHeader>
      {doc.info?.version && (
        <p className="text-sm text-slate-600">
          {doc.info.title} · {t("version", { version: doc.info.version })}
        </p>
      )}

      {groups.map(([tag, ops]) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-2">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold text-slate-900">
            {tag}
          </h2>
          {ops.map(({ path, method, op }) => {
            const id = `${method}-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;
            const permission = permissionOf(op);
            const body = op.requestBody?.content?.["application/json"]?.schema;
            return (
              // One operation a disclosure: the list stays readable with a hundred operations.
              <details key={id} id={id} className="rounded-lg border border-slate-200 bg-white">
                <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-4 py-3 focus-visible:outline-2 focus-visible:outline-brand-700">
                  <span
                    className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_CLASS[method] ?? ""}`}
                  >
                    {method}
                  </span>
                  <code className="font-mono text-sm">{`${base}${path}`}</code>
                  {op.summary && <span className="text-sm text-slate-700">{op.summary}</span>}
                </summary>
                <div
                  className="space-y-4 border-t border-slate-200 px-4 py-3 text-sm"
                  data-testid="api-operation"
                >
                  {permission && (
                    <p>
                      <span className="font-medium text-slate-800">{t("permission")}: </span>
                      <code className="rounded bg-slate-100 px-1 font-mono text-xs text-slate-900">
                        {permission}
                      </code>
                      {tp.has(permission) && (
                        <span className="ml-2 text-slate-700">{tp(permission)}</span>
                      )}
                    </p>
                  )}
                  <div>
                    <h3 className="mb-1 font-medium text-slate-900">{t("parameters")}</h3>
                    {op.parameters?.length ? (
                      <div className={table.wrapper}>
                        <table className={table.table}>
                          <thead>
                            <tr>
                              <th scope="col" className={table.th}>
                                {t("name")}
                              </th>
                              <th scope="col" className={table.th}>
                                {t("in")}
                              </th>
                              <th scope="col" className={table.th}>
                                {t("required")}
                              </th>
                              <th scope="col" className={table.th}>
                                {t("type")}
                              </th>
                              <th scope="col" className={table.th}>
                                {t("description")}
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            {op.parameters.map((p) => (
                              <tr key={`${p.in}-${p.name}`} className={table.tr}>
                                <th
                                  scope="row"
                                  className={`${table.td} text-left font-mono font-normal`}
                                >
                                  {p.name}
                                </th>
                                <td className={table.td}>{IN_LABEL[p.in] ?? p.in}</td>
                                <td className={table.td}>{p.required ? tc("yes") : tc("no")}</td>
                                <td className={`${table.td} font-mono text-xs`}>
                                  {describeSchema(p.schema)}
                                </td>
                                <td className={table.td}>
                                  {p.description ?? p.schema?.description ?? ""}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    ) : (
                      <p className="text-slate-700">{t("noParameters")}</p>
                    )}
                  </div>
                  {body && (
                    <p>
                      <span className="font-medium text-slate-800">{t("requestBody")}: </span>
                      <code className="font-mono text-xs">{describeSchema(body)}</code>
                    </p>
                  )}
                  <div>
                    <h3 className="mb-1 font-medium text-slate-900">{t("responses")}</h3>
                    <ul className="space-y-0.5">
                      {Object.entries(op.responses ?? {}).map(([code, response]) => {
                        const schema = response.content?.["application/json"]?.schema;
                        return (
                          <li key={code} className="flex flex-wrap gap-x-2">
                            <code className="w-10 font-mono font-semibold text-slate-900">
                              {code}
                            </code>
                            <span className="text-slate-800">{response.description}</span>
                            {schema && (
                              <code className="font-mono text-xs text-slate-600">
                                {describeSchema(schema)}
                              </code>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                </div>
              </details>
            );
          })}
        </section>
      ))}
    </div>
  );
}
