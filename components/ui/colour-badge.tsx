import clsx from "clsx";
import { useTranslations } from "next-intl";
import type { LedgerItemRow } from "@/lib/ledger/schemas";

type Colour = LedgerItemRow["colour"];

const CHIP = {
  green: "bg-green-50 text-green-900 ring-green-300",
  blue: "bg-sky-50 text-sky-900 ring-sky-300",
  yellow: "bg-amber-50 text-amber-900 ring-amber-400",
  red: "bg-red-50 text-red-900 ring-red-300",
  done: "bg-slate-100 text-slate-800 ring-slate-300",
  na: "bg-slate-50 text-slate-700 ring-slate-300",
} as const;

const DOT = {
  green: "bg-green-600",
  blue: "bg-sky-600",
  yellow: "bg-amber-500",
  red: "bg-red-600",
  done: "bg-slate-500",
  na: "bg-slate-300",
} as const;

/** The rule's explanation of a colour, in the user's language. */
export function useColourReason() {
  const t = useTranslations("colour.reason");
  return (colour: Colour) => t(colour.reason.key, colour.reason.values);
}

/**
 * The three-colour status (plus done / not applicable) as a chip. The rule's reason is the
 * chip's title (a tooltip) and, for screen readers, part of its text; `showReason` prints it.
 */
export function ColourBadge({
  colour,
  showReason = false,
}: {
  colour: Colour;
  showReason?: boolean;
}) {
  const t = useTranslations("colour");
  const reason = useColourReason()(colour);
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <span
        data-testid="colour"
        data-colour={colour.colour}
        title={reason}
        className={clsx(
          "inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
          CHIP[colour.colour],
        )}
      >
        <span
          aria-hidden="true"
          className={clsx("inline-block h-2 w-2 rounded-full", DOT[colour.colour])}
        />
        {t(colour.colour)}
        {!showReason && <span className="sr-only">: {reason}</span>}
      </span>
      {showReason && (
        <span className="text-sm text-slate-700" data-testid="colour-reason">
          {reason}
        </span>
      )}
    </span>
  );
}
