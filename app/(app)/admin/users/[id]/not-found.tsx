import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function UserNotFound() {
  return (
    <div className="py-10">
      <NotFoundPanel />
    </div>
  );
}
