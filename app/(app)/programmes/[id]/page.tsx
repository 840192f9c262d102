import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditLink } from "@/components/audit/audit-link";
import { ProgrammeForm } from "@/components/catalogue/programme-form";
import { ProgrammeNav } from "@/components/catalogue/programme-nav";
import { ProgrammeStatusBadge } from "@/components/catalogue/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { getProgramme, ownedSupervisors } from "@/lib/catalogue/queries";
import { asLocale } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";

type Props = { params: Promise<{ id: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const actor = await requireActor();
  const programme = UUID.test(id) ? await getProgramme(actor, id) : null;
  if (!programme) return { title: (await getTranslations("notFound"))("title") };
  return { title: localName(programme, asLocale(await getLocale())) };
}

/** A programme's settings: fields, milestones, targets, cadence, colour rule, close-off chain. */
export default async function ProgrammePage({ params }: Props) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const actor = await requireActor();
  const [programme, supervisors, locale] = await Promise.all([
    getProgramme(actor, id),
    ownedSupervisors(actor),
    getLocale(),
  ]);
  if (!programme) notFound();
  return (
    <div className="space-y-5" data-testid="programme-page" data-programme-id={programme.id}>
      <PageHeader title={localName(programme, asLocale(locale))} intro={programme.code}>
        <div className="flex items-center gap-3">
          <ProgrammeStatusBadge status={programme.status} />
          {can(actor, "audit.read") && <AuditLink entityType="Programme" entityId={programme.id} />}
        </div>
      </PageHeader>
      <ProgrammeNav programmeId={programme.id} />
      <ProgrammeForm programme={programme} supervisors={supervisors} />
    </div>
  );
}
