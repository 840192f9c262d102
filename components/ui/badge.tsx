import clsx from "clsx";

/** Tones with text that meets contrast on its tint; StatusBadge (badges.tsx) stays for statuses. */
const TONE = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
  info: "bg-blue-50 text-blue-800 ring-blue-200",
  success: "bg-green-50 text-green-800 ring-green-300",
  warning: "bg-amber-50 text-amber-900 ring-amber-300",
  danger: "bg-red-50 text-red-800 ring-red-300",
} as const;

export type BadgeTone = keyof typeof TONE;

export type BadgeProps = {
  tone?: BadgeTone;
  children: React.ReactNode;
  className?: string;
  testId?: string;
};

/**
 * A short label on a tint. The words carry the meaning; the colour only repeats it, so never
 * rely on the tone alone (colour-blind users, printouts).
 */
export function Badge({ tone = "neutral", children, className, testId }: BadgeProps) {
  return (
    <span
      data-testid={testId}
      data-tone={tone}
      className={clsx(
        "inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONE[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
