import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ImportsPanel } from "@/components/imports/imports-panel";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { isLocale, localName } from "@/lib/i18n/config";
import { importProgrammes } from "@/lib/imports/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("imports");
  return { title: t("title") };
}

/** Excel import and export: downloads, the dry run, then applying. */
export default async function ImportsPage() {
  const actor = await requireActor();
  if (!can(actor, "catalogue.manage")) return <ForbiddenPanel />;
  const [t, locale, programmes] = await Promise.all([
    getTranslations("imports"),
    getLocale(),
    importProgrammes(),
  ]);
  const lang = isLocale(locale) ? locale : "zh-CN";
  return (
    <div className="space-y-5" data-testid="imports-page">
      <PageHeader title={t("title")} intro={t("intro")} />
      <ImportsPanel
        programmes={programmes.map((p) => ({ id: p.id, label: `${p.code} ${localName(p, lang)}` }))}
      />
    </div>
  );
}
