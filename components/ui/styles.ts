import clsx from "clsx";

/** Shared classes of the review, rounds and notices forms. */
export const field = {
  label: "block text-sm font-medium text-slate-800",
  hint: "mt-0.5 text-xs text-slate-600",
  input: (invalid = false) =>
    clsx(
      "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 focus:border-brand-700 focus:outline-2 focus:outline-brand-700",
      invalid ? "border-red-700" : "border-slate-400",
    ),
  primary:
    "inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:cursor-not-allowed disabled:bg-slate-400",
  secondary:
    "inline-flex items-center justify-center rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:cursor-not-allowed disabled:text-slate-500",
  danger:
    "inline-flex items-center justify-center rounded-md border border-red-700 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:cursor-not-allowed disabled:text-slate-500",
};

/**
 * A link set among other text: underlined, so that it is told apart by more than its colour
 * (axe link-in-text-block).
 */
export const inlineLink =
  "text-brand-700 underline underline-offset-2 hover:text-brand-900 focus-visible:outline-2 focus-visible:outline-brand-700";
