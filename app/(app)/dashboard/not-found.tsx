import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function DashboardNotFound() {
  return (
    <div className="py-10">
      <NotFoundPanel />
    </div>
  );
}
