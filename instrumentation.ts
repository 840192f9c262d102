/** Runs once when the server starts, before it serves requests (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseUnsupportedMethods } = await import("./lib/api/unsupported-methods");
    refuseUnsupportedMethods();
  }
}
