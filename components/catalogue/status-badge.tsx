import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const TONE = { DRAFT: "warning", ACTIVE: "success", ARCHIVED: "neutral" } as const;

export function ProgrammeStatusBadge({ status }: { status: keyof typeof TONE }) {
  const t = useTranslations("catalogue.status");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
