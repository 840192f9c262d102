import clsx from "clsx";

/** A titled region of a page: a <section> named by its heading. */
export function Section({
  id,
  title,
  description,
  actions,
  children,
  className,
  level = 2,
}: {
  id: string;
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={clsx("rounded-lg border border-slate-200 bg-white shadow-sm", className)}
    >
      <div className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <div>
          <Heading id={`${id}-heading`} className="text-base font-semibold text-slate-900">
            {title}
          </Heading>
          {description && <p className="mt-0.5 text-sm text-slate-600">{description}</p>}
        </div>
        {actions}
      </div>
      <div className="p-4">{children}</div>
    </section>
  );
}

/** Shared table classes: dense, high-contrast, zebra rows. */
export const table = {
  wrapper: "relative overflow-x-auto",
  table: "min-w-full border-collapse text-sm",
  caption: "pb-2 text-left text-sm font-medium text-slate-700",
  th: "border-b border-slate-300 bg-slate-100 px-3 py-2 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-800",
  thNum:
    "border-b border-slate-300 bg-slate-100 px-3 py-2 text-right text-xs font-semibold tracking-wide whitespace-nowrap text-slate-800",
  tr: "border-b border-slate-200 even:bg-slate-50",
  td: "px-3 py-2 align-top text-slate-900",
  tdNum: "px-3 py-2 text-right align-top whitespace-nowrap tabular-nums text-slate-900",
  link: "text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-700",
};
