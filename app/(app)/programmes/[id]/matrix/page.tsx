import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { MatrixView } from "@/components/assignments/matrix-view";
import { asLocale } from "@/components/ui/formats";
import { PageHeader } from "@/components/ui/page-header";
import { inlineLink } from "@/components/ui/styles";
import { getMatrix } from "@/lib/assignments/matrix";
import {
  enterpriseInScope,
  getProgrammeCatalogue,
  selectionOptions,
} from "@/lib/assignments/programme";
import { IdParams, MATRIX_PAGE_SIZE, MatrixQuery } from "@/lib/assignments/schemas";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/i18n/config";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const load = cache(async (rawId: string) => {
  const actor = await requireActor();
  const parsed = IdParams.safeParse({ id: rawId });
  return parsed.success ? getProgrammeCatalogue(actor, parsed.data.id) : null;
});

/** Key by key: a bad value (a stale link) drops that key only. */
function parseQuery(params: SearchParams): MatrixQuery {
  const shape = MatrixQuery.shape;
  const raw: Record<string, string> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const value = params[key];
    const one = Array.isArray(value) ? value[0] : value;
    if (one && shape[key].safeParse(one).success) raw[key] = one;
  }
  return MatrixQuery.parse(raw);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const programme = await load((await params).id);
  if (!programme) return { title: (await getTranslations("notFound"))("title") };
  const t = await getTranslations("assignments.matrix");
  return { title: `${t("title")} · ${programme.code}` };
}

/** Tasks x enterprises of a programme: who carries which task, and where it stands. */
export default async function MatrixPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const programme = await load((await params).id);
  if (!programme) notFound();
  const query = parseQuery(await searchParams);
  const matrix = await getMatrix(actor, programme.id, query).catch((error: unknown) => {
    // A filter naming an enterprise or supervisor out of view: the same 404 as a missing one.
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  if (!matrix) notFound();
  const [t, locale, options, subtree] = await Promise.all([
    getTranslations("assignments.matrix"),
    getLocale().then(asLocale),
    selectionOptions(actor, { owned: false }),
    query.subtreeOf ? enterpriseInScope(actor, query.subtreeOf) : null,
  ]);
  const { page, pageSize, ...rest } = query;
  return (
    <div className="space-y-5" data-testid="matrix-page" data-programme-id={programme.id}>
      <PageHeader
        title={t("heading", { programme: localName(programme, locale) })}
        intro={t("intro")}
      >
        {can(actor, "catalogue.manage") && (
          <Link href={`/programmes/${programme.id}/assign`} className={inlineLink}>
            {t("openAssign")}
          </Link>
        )}
      </PageHeader>
      <MatrixView
        programmeId={programme.id}
        initial={matrix}
        initialParams={{
          ...rest,
          ...(page > 1 ? { page } : {}),
          ...(pageSize !== MATRIX_PAGE_SIZE ? { pageSize } : {}),
        }}
        initialFilter={{
          subtreeOf: subtree ? { id: subtree.id, label: localName(subtree, locale) } : null,
          supervisorId: query.supervisorIds?.[0] ?? "",
          region: query.regions?.[0] ?? "",
          functionalClass: query.functionalClasses?.[0] ?? "",
          depth: query.depths?.length ? String(query.depths[0]) : "",
        }}
        options={options}
      />
    </div>
  );
}
