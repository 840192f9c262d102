import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page, type Response } from "@playwright/test";
import { DEMO_PASSWORD, userPage } from "./helpers";
import { EVIDENCE_PDF } from "./fixtures/ledger";

/*
 * Every main page, as the national administrator, carries the security headers: a CSP with a
 * fresh nonce on every response and no 'unsafe-inline' for scripts, frame-ancestors 'none',
 * nosniff, a referrer and a permissions policy, no HSTS over plain HTTP; and renders with NO
 * CSP violation (the browser's securitypolicyviolation events and console errors). The API
 * answers no-store with a locked-down policy; the session cookies are HttpOnly and SameSite;
 * the app's own browser writes pass the cross-site check while a sibling host's are refused.
 * Our users' intranets have no internet, so every page also loads only from the app's own origin
 * (or data:/blob:) and its HTML names no other host in an attribute the browser would fetch or
 * follow (src, href, action, srcset, poster, CSS url()); XML namespace names are not fetches.
 */
test.describe.configure({ timeout: 300_000 });

const SIBLING = "http://evil.intranet.example";

/** Records CSP violations and console errors of a page from its first script on. */
async function watch(page: Page) {
  const errors: string[] = [];
  page.on("console", (message) => {
    // Failed loads are judged by their responses below (the message carries no URL).
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(message.text());
  });
  page.on("response", (response) => {
    // The browser asks for /favicon.ico on its own; the app has no icon.
    if (response.status() >= 400 && new URL(response.url()).pathname !== "/favicon.ico")
      errors.push(`${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(
        `${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  return {
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

type Listed = { items: { id: string }[] };

async function firstId(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const id = ((await response.json()) as Listed).items[0]?.id;
  expect(id, `an object listed by ${url}`).toBeTruthy();
  return id!;
}

const FETCHED =
  /\b(?:src|href|action|poster|srcset)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)/gi;

/** Absolute URLs in fetched or followed attributes of `html` that leave `origin`. */
function foreignUrls(html: string, origin: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(FETCHED)) {
    for (const candidate of (match[1] ?? match[2] ?? "").split(",")) {
      const url = candidate.trim().split(/\s+/)[0]!.replace(/&amp;/g, "&");
      if (!/^(?:https?:)?\/\//i.test(url)) continue;
      if (new URL(url, origin).origin !== origin) found.push(url);
    }
  }
  return found;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Asserts a page response's headers; returns the nonce of its policy. */
function expectPageHeaders(response: Response, url: string): string {
  const headers = response.headers();
  const policy = headers["content-security-policy"];
  expect(policy, `CSP on ${url}`).toBeTruthy();
  const csp = directives(policy!);
  const scripts = csp.get("script-src") ?? [];
  const nonce = scripts.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `script nonce on ${url}`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(scripts, url).toContain("'strict-dynamic'");
  expect(scripts, url).not.toContain("'unsafe-inline'");
  expect(scripts, url).not.toContain("'unsafe-eval'");
  expect(csp.get("style-src-elem") ?? [], url).toContain(`'nonce-${nonce}'`);
  expect(csp.get("frame-ancestors"), url).toEqual(["'none'"]);
  expect(csp.get("object-src"), url).toEqual(["'none'"]);
  expect(csp.get("base-uri"), url).toEqual(["'self'"]);
  expect(csp.has("upgrade-insecure-requests"), "only over TLS").toBe(false);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["strict-transport-security"], "no HSTS over plain HTTP").toBeUndefined();
  return nonce!;
}

async function visit(page: Page, url: string, origin: string) {
  const watcher = await watch(page);
  const outside: string[] = [];
  const record = (request: { url(): string }) => {
    const target = request.url();
    if (!/^(data|blob):/.test(target) && new URL(target).origin !== origin) outside.push(target);
  };
  page.on("request", record);
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  expect(response!.status(), url).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  page.off("request", record);
  expect(outside, `requests leaving the app from ${url}`).toEqual([]);
  expect(foreignUrls(await response!.text(), origin), `external URLs in ${url}`).toEqual([]);
  const nonce = expectPageHeaders(response!, url);
  // Next.js put the nonce on every script of the HTML it rendered (scripts those load later are
  // trusted through 'strict-dynamic').
  const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, url).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, `script nonce on ${url}`).toContain(`nonce="${nonce}"`);
  expect(await watcher.violations(), `CSP violations on ${url}`).toEqual([]);
  expect(watcher.errors, `console errors on ${url}`).toEqual([]);
  return nonce;
}

test("every page: security headers, a fresh nonce, no CSP violation, nothing from outside", async ({
  browser,
  baseURL,
}) => {
  const admin = await userPage(browser, baseURL, "admin");
  const origin = new URL(baseURL!).origin;
  const api = admin.request;
  const programme = await firstId(api, "/api/v1/programmes");
  const [task, item, enterprise, user, notice, round] = await Promise.all([
    firstId(api, `/api/v1/tasks?programmeId=${programme}`),
    firstId(api, "/api/v1/ledger-items?limit=1"),
    firstId(api, "/api/v1/enterprises"),
    firstId(api, "/api/v1/users"),
    firstId(api, "/api/v1/notices"),
    firstId(api, "/api/v1/rounds"),
  ]);
  // Every page of app/ (the national administrator sees every screen).
  const pages = [
    "/",
    "/dashboard",
    "/ledger",
    `/ledger/${item}`,
    "/review",
    "/notices",
    "/notices/new",
    `/notices/${notice}`,
    "/notifications",
    "/rounds",
    `/rounds/${round}`,
    "/enterprises",
    "/enterprises/new",
    `/enterprises/${enterprise}`,
    `/enterprises/${enterprise}/edit`,
    "/programmes",
    "/programmes/new",
    `/programmes/${programme}`,
    `/programmes/${programme}/catalogue`,
    `/programmes/${programme}/assign`,
    `/programmes/${programme}/matrix`,
    `/programmes/${programme}/tasks/new`,
    `/programmes/${programme}/tasks/${task}`,
    "/admin",
    "/admin/users",
    "/admin/users/new",
    `/admin/users/${user}`,
    "/admin/tokens",
    "/admin/imports",
    "/audit",
    "/account",
    "/api-docs",
  ];
  const nonces = new Set<string>();
  for (const url of pages) nonces.add(await visit(admin, url, origin));
  // And once more: a new response, a new nonce.
  nonces.add(await visit(admin, "/dashboard", origin));
  expect(nonces.size).toBe(pages.length + 1);

  // The sign-in page, signed out.
  const guest = await (await browser.newContext({ baseURL })).newPage();
  await visit(guest, "/sign-in", origin);
});

test("API answers: no-store and a locked-down policy; health probes; cookies", async ({
  browser,
  baseURL,
}) => {
  const admin = await userPage(browser, baseURL, "admin");
  for (const url of ["/api/v1/me", "/api/v1/ledger-items?limit=1", "/api/v1/openapi.json"]) {
    const response = await admin.request.get(url);
    expect(response.status(), url).toBe(200);
    const headers = response.headers();
    expect(headers["cache-control"], url).toBe("no-store");
    expect(headers["content-security-policy"], url).toContain("default-src 'none'");
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
  }
  const live = await admin.request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "ok" });
  const ready = await admin.request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(((await ready.json()) as { database: { status: string } }).database.status).toBe("ok");
  expect(ready.headers()["cache-control"]).toBe("no-store");

  // next-auth's cookies: HttpOnly and SameSite=Lax (Secure and __Secure- prefixed over HTTPS).
  const cookies = await admin.context().cookies();
  const session = cookies.find((c) => c.name === "next-auth.session-token");
  expect(session, "session cookie").toBeTruthy();
  for (const cookie of cookies.filter((c) => c.name.startsWith("next-auth."))) {
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(cookie.sameSite, cookie.name).toBe("Lax");
  }
});

test("the app's own browser writes pass the cross-site check; a sibling host's are refused", async ({
  browser,
  baseURL,
}) => {
  const liaison = await userPage(browser, baseURL, "liaison-crrc");
  await liaison.goto("/ledger");
  // The browser sends Origin itself, as for every write apiRequest/apiUpload make.
  const own = await liaison.evaluate(async () => {
    const response = await fetch("/api/v1/saved-views", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ name: `csp ${Date.now()}-${Math.random()}`, query: "colour=red" }),
    });
    return { status: response.status, body: (await response.json()) as { id?: string } };
  });
  expect(own.status).toBe(201);
  const removed = await liaison.evaluate(
    async (id) => (await fetch(`/api/v1/saved-views/${id}`, { method: "DELETE" })).status,
    own.body.id!,
  );
  expect(removed).toBe(200);

  // The same session cookie, sent from a sibling intranet host: 403 JSON, nothing written.
  const before = (
    (await (await liaison.request.get("/api/v1/saved-views")).json()) as {
      items: unknown[];
    }
  ).items.length;
  const refusals: Record<string, string>[] = [{ origin: SIBLING }, {}];
  for (const headers of refusals) {
    const refused = await liaison.request.post("/api/v1/saved-views", {
      headers,
      data: { name: `refused ${Date.now()}`, query: "" },
    });
    expect(refused.status()).toBe(403);
    const body = (await refused.json()) as { error: { code: string; details: { reason: string } } };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.details.reason).toBe("crossOrigin");
  }
  const after = (
    (await (await liaison.request.get("/api/v1/saved-views")).json()) as {
      items: unknown[];
    }
  ).items.length;
  expect(after).toBe(before);

  // Wrong content types: 415 for a JSON endpoint, 400 for an upload.
  const origin = { origin: new URL(baseURL!).origin };
  const text = await liaison.request.post("/api/v1/saved-views", {
    headers: { ...origin, "content-type": "text/plain" },
    data: JSON.stringify({ name: "x", query: "" }),
  });
  expect(text.status()).toBe(415);
  const items = (await (
    await liaison.request.get("/api/v1/ledger-items?status=IN_PROGRESS&limit=1")
  ).json()) as { items: { id: string }[] };
  const itemId = items.items[0]!.id;
  const notMultipart = await liaison.request.post(`/api/v1/ledger-items/${itemId}/evidence`, {
    headers: origin,
    data: { file: "x" },
  });
  expect(notMultipart.status()).toBe(400);

  // An evidence preview keeps its own sandboxing policy, framable by our pages only.
  const upload = await liaison.request.post(`/api/v1/ledger-items/${itemId}/evidence`, {
    headers: origin,
    multipart: {
      file: {
        name: "evidence.pdf",
        mimeType: "application/pdf",
        buffer: fs.readFileSync(EVIDENCE_PDF),
      },
    },
  });
  expect(upload.status()).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  const preview = await liaison.request.get(`/api/v1/evidence/${id}?inline=1`);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["content-security-policy"]).toContain("sandbox");
  expect(preview.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  expect(preview.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  expect(preview.headers()["cache-control"]).toBe("no-store");
});

test("signing in through the form works under the policy", async ({ browser, baseURL }) => {
  const page = await (await browser.newContext({ baseURL, locale: "zh-CN" })).newPage();
  const watcher = await watch(page);
  await page.goto("/sign-in");
  await page.locator('input[name="username"]').fill("manager");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("current-role")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await watcher.violations()).toEqual([]);
  expect(watcher.errors).toEqual([]);
});

test("the external-URL scan finds what it must", () => {
  const origin = "http://127.0.0.1:3100";
  const html = `<svg xmlns="http://www.w3.org/2000/svg"></svg><a href="/ledger">x</a>
    <link href="https://fonts.googleapis.com/css2?family=Noto"><img srcset="/a.png 1x, //cdn.example/b.png 2x">
    <div style="background:url('http://127.0.0.1:3100/ok.png')"></div><script src="https://cdn.example/x.js"></script>`;
  expect(foreignUrls(html, origin)).toEqual([
    "https://fonts.googleapis.com/css2?family=Noto",
    "//cdn.example/b.png",
    "https://cdn.example/x.js",
  ]);
});
