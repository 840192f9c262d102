import { NextResponse, type NextRequest } from "next/server";

/**
 * Response headers only: a fresh CSP nonce for every page, the API's no-store and lock-down
 * policy, HSTS over TLS, and a clean answer to HTTP methods nobody here implements. There is NO
 * authorization here: every route handler and page checks the actor itself (see ARCHITECTURE.md,
 * "Where permissions live"); a proxy that is bypassed or misconfigured must cost nothing.
 */

/**
 * The methods a route handler may export; anything else that gets this far (PROPFIND, MKCOL...)
 * is 501. TRACE and CONNECT never get here: lib/api/unsupported-methods.ts answers them.
 */
const KNOWN_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);
/** Pages answer GET/HEAD, and POST for the language server action. */
const PAGE_METHODS = ["GET", "HEAD", "OPTIONS", "POST"];

const API_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The page policy. Scripts run only with this response's nonce (Next.js puts it on its own
 * scripts when it finds it in the request's CSP header) or when loaded by such a script
 * ('strict-dynamic'); no 'unsafe-inline' for scripts. Style elements need the nonce too, but
 * style attributes are allowed ('unsafe-inline' in style-src-attr): React renders `style={...}`
 * props (progress bars, chart sizes) as attributes, and a nonce cannot cover attributes.
 */
export function pagePolicy(nonce: string, options: { tls: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // Evidence previews (PDFs, images) are framed from our own API.
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.tls ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Reached over TLS, directly or through a reverse proxy that terminates it. */
function overTls(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return request.nextUrl.protocol === "https:" || forwarded === "https";
}

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The review queue frames evidence previews; that response carries its own sandboxing CSP. */
const isEvidencePreview = (request: NextRequest) =>
  /^\/api\/v1\/evidence\/[^/]+$/.test(request.nextUrl.pathname) &&
  request.nextUrl.searchParams.get("inline") === "1";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  const tls = overTls(request);
  const common: Record<string, string> = tls
    ? { "strict-transport-security": "max-age=31536000" }
    : {};

  if (!KNOWN_METHODS.has(request.method)) {
    return NextResponse.json(
      { error: { code: "not_implemented", message: "This HTTP method is not supported." } },
      { status: 501, headers: { ...common, "cache-control": "no-store" } },
    );
  }

  if (isApi) {
    const response = NextResponse.next();
    for (const [key, value] of Object.entries(common)) response.headers.set(key, value);
    response.headers.set("cache-control", "no-store");
    if (!isEvidencePreview(request)) response.headers.set("content-security-policy", API_POLICY);
    return response;
  }

  const nonce = newNonce();
  const policy = pagePolicy(nonce, { tls, dev: process.env.NODE_ENV === "development" });
  if (!PAGE_METHODS.includes(request.method)) {
    return new NextResponse(null, {
      status: 405,
      headers: { ...common, allow: PAGE_METHODS.join(", "), "content-security-policy": policy },
    });
  }
  if (request.method === "OPTIONS") {
    return new NextResponse(null, {
      status: 204,
      headers: { ...common, allow: PAGE_METHODS.join(", ") },
    });
  }
  // Next.js reads the nonce from the request's CSP header while rendering.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of Object.entries(common)) response.headers.set(key, value);
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Static files are fingerprinted and carry no markup; next.config.js gives them the headers
  // that apply to every response.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
