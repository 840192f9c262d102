import { NotFoundPanel } from "@/components/layout/not-found-panel";

export default function LedgerItemNotFound() {
  return (
    <div className="py-10">
      <NotFoundPanel />
    </div>
  );
}
