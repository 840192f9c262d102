import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { STANDINGS } from "@/lib/dashboard/schemas";

type Standing = (typeof STANDINGS)[number];

const TONE: Record<Standing, BadgeTone> = {
  met: "success",
  onTrack: "info",
  behind: "danger",
  none: "neutral",
};

/** A shape per standing, so the badge reads without colour (print, colour-blind readers). */
const ICON: Record<Standing, React.ReactNode> = {
  met: <path d="M3 8.5l3 3 7-7" strokeWidth="2" fill="none" />,
  onTrack: <path d="M3 8h9M9 4.5L12.5 8 9 11.5" strokeWidth="2" fill="none" />,
  behind: <path d="M8 3v6M8 12v1" strokeWidth="2.2" fill="none" strokeLinecap="round" />,
  none: <path d="M4 8h8" strokeWidth="2" fill="none" />,
};

/** Met, on track or behind the governing target: words, a shape and a tint. */
export function StandingBadge({ standing }: { standing: Standing }) {
  const t = useTranslations("dashboard.standing");
  return (
    <Badge tone={TONE[standing]} testId="standing">
      <span className="inline-flex items-center gap-1" data-standing={standing}>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3" stroke="currentColor">
          {ICON[standing]}
        </svg>
        {t(standing)}
      </span>
    </Badge>
  );
}
