/** The page's one <h1>, with an optional welcome line and introduction. */
export function PageHeader({
  title,
  intro,
  welcome,
  children,
}: {
  title: React.ReactNode;
  intro?: React.ReactNode;
  welcome?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        {welcome && <p className="text-sm text-slate-600">{welcome}</p>}
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        {intro && <p className="mt-1 max-w-3xl text-sm text-slate-700">{intro}</p>}
      </div>
      {children}
    </div>
  );
}
