import { useLocale, useTranslations } from "next-intl";
import { asLocale, bilingual } from "@/components/ui/formats";
import type { EnterpriseDetail } from "@/lib/enterprises/schemas";
import { localName } from "@/lib/i18n/config";

/** The enterprise's attributes as a description list, enumerations translated. */
export function EnterpriseAttributes({
  enterprise,
  party,
}: {
  enterprise: EnterpriseDetail;
  party: { nameZh: string; nameEn: string } | null;
}) {
  const t = useTranslations("enterprise");
  const tn = useTranslations("enterprises");
  const tf = useTranslations("functionalClass");
  const to = useTranslations("ownershipForm");
  const tl = useTranslations("supervisorLevel");
  const tr = useTranslations("regions");
  const tc = useTranslations("common");
  const locale = asLocale(useLocale());
  const none = tc("none");

  const rows: { key: string; label: string; value: React.ReactNode }[] = [
    { key: "code", label: t("code"), value: <span className="font-mono">{enterprise.code}</span> },
    {
      key: "creditCode",
      label: t("creditCode"),
      value: enterprise.creditCode ? (
        <span className="font-mono">{enterprise.creditCode}</span>
      ) : (
        none
      ),
    },
    {
      key: "supervisor",
      label: t("supervisor"),
      value: t("supervisorWithLevel", {
        name: localName(enterprise.supervisor, locale),
        level: tl(enterprise.supervisor.level),
      }),
    },
    {
      key: "depth",
      label: t("depth"),
      value:
        enterprise.depth === 0 ? tn("groupLevel") : tn("level", { level: enterprise.depth + 1 }),
    },
    {
      key: "region",
      label: t("region"),
      value: enterprise.region
        ? tr.has(enterprise.region)
          ? tr(enterprise.region)
          : enterprise.region
        : none,
    },
    {
      key: "industry",
      label: t("industry"),
      value: bilingual(locale, enterprise.industryZh, enterprise.industryEn) ?? none,
    },
    {
      key: "functionalClass",
      label: t("functionalClass"),
      value: enterprise.functionalClass ? tf(enterprise.functionalClass) : none,
    },
    { key: "ownershipForm", label: t("ownershipForm"), value: to(enterprise.ownershipForm) },
    { key: "partyOrg", label: t("partyOrg"), value: party ? localName(party, locale) : none },
  ];
  return (
    <dl
      className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2"
      data-testid="enterprise-attributes"
    >
      {rows.map((row) => (
        <div
          key={row.key}
          className="border-b border-slate-100 pb-1.5"
          data-testid={`attr-${row.key}`}
        >
          <dt className="text-xs font-medium text-slate-600">{row.label}</dt>
          <dd className="text-slate-900">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
