import { setLocale } from "@/app/actions/locale";
import { AppHeader } from "@/components/layout/app-header";
import { Watermark } from "@/components/layout/watermark";
import { ViewerProvider } from "@/components/ui/viewer";
import { requireActor } from "@/lib/auth/session";
import { watermarkFor } from "@/lib/watermark/for-actor";

/**
 * The signed-in shell. The redirect here is for convenience only: every page and every API call
 * checks the actor and its scope again in lib/, because layouts do not guard pages or actions.
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader actor={actor} setLocale={setLocale} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none"
      >
        <ViewerProvider id={actor.id}>{children}</ViewerProvider>
      </main>
      <Watermark text={watermarkFor(actor)} />
    </div>
  );
}
