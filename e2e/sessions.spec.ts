import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, setLocale } from "./helpers";

/**
 * Sessions end on the server and sign-in is throttled, seen from outside through HTTP. Each test
 * sends its own made-up client address (X-Forwarded-For), so the failures it provokes never
 * throttle the 127.0.0.1 that every other spec signs in from.
 */
const fakeIp = () =>
  `198.51.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

async function postCredentials(
  api: APIRequestContext,
  username: string,
  password: string,
  ip: string,
) {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return api.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true", callbackUrl: "/" },
    headers: { "x-forwarded-for": ip },
    maxRedirects: 0,
  });
}

test.describe("server-side sessions", () => {
  test("a session cookie captured before sign-out no longer works after it", async ({
    playwright,
    browser,
    baseURL,
  }) => {
    const api = await playwright.request.newContext({ baseURL });
    const signedIn = await postCredentials(api, "liaison-baowu", DEMO_PASSWORD, fakeIp());
    expect(signedIn.status()).toBe(200);
    expect((await api.get("/api/v1/me")).status()).toBe(200);
    const captured = (await api.storageState()).cookies;
    expect(captured.some((c) => c.name.includes("session-token"))).toBe(true);

    // Sign out the ordinary way (next-auth's sign-out route, as the sign-out button does).
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    const signedOut = await api.post("/api/auth/signout", {
      form: { csrfToken, callbackUrl: "/sign-in", json: "true" },
      maxRedirects: 0,
    });
    expect(signedOut.status()).toBe(200);
    expect((await api.get("/api/v1/me")).status()).toBe(401);
    await api.dispose();

    // The old cookie, replayed: refused by the API, sent to sign-in by the pages.
    const replay = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: captured, origins: [] },
    });
    const me = await replay.get("/api/v1/me");
    expect(me.status()).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    const session = (await (await replay.get("/api/auth/session")).json()) as object;
    expect(session).toEqual({});
    await replay.dispose();

    const context = await browser.newContext({
      baseURL,
      storageState: { cookies: captured, origins: [] },
    });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await context.close();
  });
});

test.describe("sign-in throttling", () => {
  test("unknown and real usernames get the same answer (timings printed)", async ({
    playwright,
    baseURL,
  }) => {
    const api = await playwright.request.newContext({ baseURL });
    // Real accounts no other spec uses, two wrong passwords each (the account throttle starts at five).
    const real = ["liaison-hn-xingxiang", "liaison-hn-valin", "liaison-hn-constr"];
    const times = { real: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 6; i++) {
      const ip = fakeIp();
      let start = performance.now();
      const a = await postCredentials(api, real[i % real.length]!, "wrong-password", ip);
      times.real.push(performance.now() - start);
      start = performance.now();
      const b = await postCredentials(api, `no-such-user-${i}`, "wrong-password", ip);
      times.unknown.push(performance.now() - start);
      expect(a.status()).toBe(401);
      expect(b.status()).toBe(a.status());
      expect(await b.text()).toBe(await a.text());
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    console.log(
      `[sign-in timing] median (csrf + sign-in): real ${median(times.real).toFixed(0)} ms, ` +
        `unknown ${median(times.unknown).toFixed(0)} ms`,
    );
    await api.dispose();
  });

  test("too many failures from one address: 429 with Retry-After, and the form says how long to wait", async ({
    playwright,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const ip = fakeIp();
    const api = await playwright.request.newContext({ baseURL });
    let last = await postCredentials(api, "ghost-0", "wrong", ip);
    for (let i = 1; i < 50 && last.status() !== 429; i++) {
      last = await postCredentials(api, `ghost-${i}`, "wrong", ip);
    }
    expect(last.status()).toBe(429);
    // Now every attempt from there waits, whatever the account; another address does not.
    const refused = await postCredentials(api, "liaison-zj-hangsteel", DEMO_PASSWORD, ip);
    expect(refused.status()).toBe(429);
    const retryAfter = Number(refused.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(((await refused.json()) as { url: string }).url).toContain("error=throttled");
    expect((await postCredentials(api, "no-such-user", "wrong", fakeIp())).status()).toBe(401);
    await api.dispose();

    // The sign-in form from that address, in both languages.
    const context = await browser.newContext({
      baseURL,
      extraHTTPHeaders: { "x-forwarded-for": ip },
    });
    const page = await context.newPage();
    await setLocale(page, "zh-CN", baseURL);
    await page.goto("/sign-in");
    await page.getByLabel("用户名").fill("liaison-zj-hangsteel");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText(
      /^登录尝试过于频繁，请在 \d+ 秒后重试。$/,
    );
    await setLocale(page, "en", baseURL);
    await page.goto("/sign-in");
    await page.getByLabel("Username").fill("liaison-zj-hangsteel");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText(
      /^Too many sign-in attempts\. Try again in \d+ s\.$/,
    );
    await context.close();
  });

  test("a locked username says how long to wait; the form answers 429 in English too", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({
      baseURL,
      extraHTTPHeaders: { "x-forwarded-for": fakeIp() },
    });
    const page = await context.newPage();
    await setLocale(page, "en", baseURL);
    const username = `locked-${Date.now().toString(36)}`;
    for (let i = 0; i < 5; i++) await postCredentials(page.request, username, "wrong", fakeIp());
    await page.goto("/sign-in");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("wrong-again");
    const answer = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    const response = await answer;
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    await expect(page.getByTestId("sign-in-error")).toHaveText(
      /^This account is temporarily locked after repeated failed sign-ins\. Try again in \d+ s\.$/,
    );
    await context.close();
  });
});
