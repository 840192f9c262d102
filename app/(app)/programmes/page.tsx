import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProgrammesTable } from "@/components/catalogue/programmes-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { field } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/session";
import { listProgrammes, ownedSupervisors } from "@/lib/catalogue/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue");
  return { title: t("title") };
}

/** The programmes the user can see; administrators create and copy them for their supervisors. */
export default async function ProgrammesPage() {
  const actor = await requireActor();
  const [t, programmes, supervisors] = await Promise.all([
    getTranslations("catalogue"),
    listProgrammes(actor),
    ownedSupervisors(actor),
  ]);
  return (
    <div className="space-y-5" data-testid="programmes-page">
      <PageHeader title={t("title")} intro={t("intro")}>
        {supervisors.length > 0 && (
          <Link href="/programmes/new" className={field.primary} data-testid="new-programme">
            {t("newProgramme")}
          </Link>
        )}
      </PageHeader>
      <Section id="programmes" title={t("listCaption")}>
        <ProgrammesTable programmes={programmes.items} supervisors={supervisors} />
      </Section>
    </div>
  );
}
