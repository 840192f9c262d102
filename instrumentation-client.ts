import { z } from "zod";

/*
 * Runs in the browser before the app's own code, to make the pages' CSP (proxy.ts) quiet:
 *
 * - zod 4 probes for eval (`Function("")`) to compile fast parsers; without 'unsafe-eval' the
 *   probe fails harmlessly but the browser reports a violation each time. Parse without it.
 * - React Aria adds small <style> elements (press and scroll-lock rules) and gives them the
 *   nonce it finds in `__webpack_nonce__`. The nonce is this response's, read from the scripts
 *   Next.js rendered with it (the property keeps it after the browser hides the attribute).
 */
z.config({ jitless: true });

const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
if (nonce) (globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;
