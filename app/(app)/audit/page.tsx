import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listAudit } from "@/lib/audit/queries";
import { AuditQuery } from "@/lib/audit/schemas";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

const KEYS = ["entityType", "entityId", "actorId", "from", "to"] as const;

/** The audit journal for administrators: filters, newest first, older pages by keyset. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, "audit.read")) return <ForbiddenPanel />;
  const raw = await searchParams;
  // Empty fields of the filter form arrive as "": they mean "any".
  const input = Object.fromEntries(
    [...KEYS, "cursor"].flatMap((key) => {
      const value = raw[key];
      return typeof value === "string" && value.trim() ? [[key, value.trim()]] : [];
    }),
  );
  const parsed = AuditQuery.safeParse(input);
  const query = parsed.success ? parsed.data : AuditQuery.parse({});
  const [t, page] = await Promise.all([getTranslations("audit"), listAudit(actor, query)]);
  const filters = new URLSearchParams();
  for (const key of KEYS) if (query[key]) filters.set(key, query[key]);
  const older = new URLSearchParams(filters);
  if (page.nextCursor) older.set("cursor", page.nextCursor);

  return (
    <div className="space-y-5" data-testid="audit-page">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Section id="audit-filter" title={t("filters")}>
        <AuditFilters values={query} />
      </Section>
      <Section id="audit-journal" title={t("title")}>
        <AuditTable entries={page.items} />
        <nav className="mt-3 flex gap-4 text-sm" aria-label={t("title")}>
          {query.cursor && (
            <Link href={`/audit?${filters.toString()}`} className="text-brand-700 underline">
              {t("newest")}
            </Link>
          )}
          {page.nextCursor && (
            <Link
              href={`/audit?${older.toString()}`}
              className="text-brand-700 underline"
              data-testid="audit-older"
            >
              {t("older")}
            </Link>
          )}
        </nav>
      </Section>
    </div>
  );
}
