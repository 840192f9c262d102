import type { CompletionFigure } from "@/lib/dashboard/completion";
import { TIME_ZONE } from "@/lib/i18n/config";

/** Whether the target governing a figure had fallen due on the figure's date (Beijing calendar day). */
export function isDue(figure: Pick<CompletionFigure, "asOf" | "target">): boolean {
  if (!figure.target) return false;
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(figure.asOf);
  return day >= figure.target.dueDate.toISOString().slice(0, 10);
}
