/** A legend that draws each series' line style and marker beside its name. */
export function ChartLegend({
  items,
}: {
  items: { key: string; label: string; colour: string; dash?: string }[];
}) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800" aria-hidden="true">
      {items.map((item) => (
        <li key={item.key} className="inline-flex items-center gap-1.5">
          <svg viewBox="0 0 28 8" className="h-2 w-7">
            <line
              x1="0"
              y1="4"
              x2="28"
              y2="4"
              stroke={item.colour}
              strokeWidth="2.5"
              strokeDasharray={item.dash}
            />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
