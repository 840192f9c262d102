import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProgrammeForm } from "@/components/catalogue/programme-form";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { ownedSupervisors } from "@/lib/catalogue/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue");
  return { title: t("newProgramme") };
}

/** A new programme for one of the administrator's own supervisors. */
export default async function NewProgrammePage() {
  const actor = await requireActor();
  const supervisors = await ownedSupervisors(actor);
  if (!supervisors.length) return <ForbiddenPanel />;
  const t = await getTranslations("catalogue");
  return (
    <div className="space-y-5" data-testid="new-programme-page">
      <PageHeader title={t("newProgramme")} intro={t("intro")} />
      <ProgrammeForm supervisors={supervisors} />
    </div>
  );
}
