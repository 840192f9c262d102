import clsx from "clsx";
import { useTranslations } from "next-intl";
import type { NoticeDto } from "@/lib/notices/schemas";

const LEVEL_CLASS = {
  BLUE: "bg-sky-50 text-sky-900 ring-sky-400",
  YELLOW: "bg-amber-50 text-amber-950 ring-amber-400",
  RED: "bg-red-50 text-red-900 ring-red-400",
} as const;

const LEVEL_DOT = { BLUE: "bg-sky-600", YELLOW: "bg-amber-400", RED: "bg-red-600" } as const;

const STATUS_CLASS = {
  OPEN: "bg-white text-slate-900 ring-slate-400",
  REPLIED: "bg-green-50 text-green-900 ring-green-300",
  ESCALATED: "bg-red-50 text-red-900 ring-red-300",
  CLOSED: "bg-slate-100 text-slate-800 ring-slate-300",
} as const;

const chip =
  "inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset";

/** The notice's level (蓝/黄/红 督办) as a coloured chip; the word carries the meaning, the colour repeats it. */
export function NoticeLevelBadge({ level }: { level: NoticeDto["level"] }) {
  const t = useTranslations("notices.level");
  return (
    <span className={clsx(chip, LEVEL_CLASS[level])} data-testid="notice-level" data-level={level}>
      <span
        aria-hidden="true"
        className={clsx("inline-block h-2 w-2 rounded-full", LEVEL_DOT[level])}
      />
      {t(level)}
    </span>
  );
}

export function NoticeStatusBadge({ status }: { status: NoticeDto["status"] }) {
  const t = useTranslations("notices.status");
  return (
    <span
      className={clsx(chip, STATUS_CLASS[status])}
      data-testid="notice-status"
      data-status={status}
    >
      {t(status)}
    </span>
  );
}

export { LEVEL_DOT };
