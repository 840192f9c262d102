import { useTranslations } from "next-intl";
import type { SupervisorOption } from "./enterprise-form";
import { MergePanel } from "./merge-panel";
import { MovePanel } from "./move-panel";

/** The owner's reorganisation tools on an enterprise page: move the subtree, merge. */
export function RegistryPanels({
  enterprise,
  supervisors,
}: {
  enterprise: {
    id: string;
    nameZh: string;
    nameEn: string;
    version: number;
    subtreeSize: number;
    supervisor: SupervisorOption;
  };
  supervisors: SupervisorOption[];
}) {
  const t = useTranslations("registry");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="move-heading" className="space-y-2">
        <h3 id="move-heading" className="text-base font-semibold text-slate-900">
          {t("move.title")}
        </h3>
        <MovePanel enterprise={enterprise} supervisors={supervisors} />
      </section>
      <section aria-labelledby="merge-heading" className="space-y-2">
        <h3 id="merge-heading" className="text-base font-semibold text-slate-900">
          {t("merge.title")}
        </h3>
        <MergePanel enterprise={enterprise} />
      </section>
    </div>
  );
}
