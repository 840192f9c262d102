import { NotFoundPanel } from "@/components/layout/not-found-panel";

export default function EnterpriseNotFound() {
  return (
    <div className="py-10">
      <NotFoundPanel />
    </div>
  );
}
