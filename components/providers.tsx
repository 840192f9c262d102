"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { AriaProvider } from "@/components/ui/aria-provider";

export function Providers({ children }: { children: React.ReactNode }) {
  // One client per browser session; server-rendered data is passed down as props or hydrated.
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }),
  );
  // React Aria's locale and router for the whole app (components need not wrap themselves).
  return (
    <QueryClientProvider client={client}>
      <AriaProvider>{children}</AriaProvider>
    </QueryClientProvider>
  );
}
