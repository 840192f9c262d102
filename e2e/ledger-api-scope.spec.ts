import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { EVIDENCE_PDF, inProgressMainItems, itemDetail } from "./fixtures/ledger";
import fs from "node:fs";

/*
 * Scope through the API: a CRRC liaison can neither read nor write a China Telecom item, nor
 * download its evidence, and every answer is the same 404 as for an id that does not exist.
 */
// Cold routes on a fresh server, two browser contexts, axe scans: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("liaison-crrc gets 404 for a China Telecom item, its entries and its evidence", async ({
  browser,
  baseURL,
}) => {
  // Writes with the session cookie name this site as their origin, as a browser does.
  const origin = { origin: new URL(baseURL!).origin };
  const telecom = await (await browser.newContext()).newPage();
  const crrc = await (await browser.newContext()).newPage();
  await signIn(telecom, "liaison-telecom");
  await signIn(crrc, "liaison-crrc");

  // China Telecom's side: an item and an evidence file it can download itself.
  const item = (await inProgressMainItems(telecom.request))[0]!;
  const detail = await itemDetail(telecom.request, item.id);
  const upload = await telecom.request.post(`/api/v1/ledger-items/${item.id}/evidence`, {
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
  const evidence = (await upload.json()) as { id: string };
  expect((await telecom.request.get(`/api/v1/evidence/${evidence.id}`)).status()).toBe(200);

  // CRRC's side: nothing of it exists.
  const read = await crrc.request.get(`/api/v1/ledger-items/${item.id}`);
  expect(read.status()).toBe(404);
  expect(((await read.json()) as { error: { code: string } }).error.code).toBe("not_found");
  expect((await crrc.request.get(`/api/v1/ledger-items/${item.id}/entries`)).status()).toBe(404);
  const write = await crrc.request.post(`/api/v1/ledger-items/${item.id}/entries`, {
    headers: origin,
    data: {
      version: detail.version,
      period: new Date().toISOString().slice(0, 7),
      narrative: "should not land",
      percentDone: 50,
      status: "IN_PROGRESS",
    },
  });
  expect(write.status()).toBe(404);
  const uploadAsCrrc = await crrc.request.post(`/api/v1/ledger-items/${item.id}/evidence`, {
    headers: origin,
    multipart: {
      file: {
        name: "evidence.pdf",
        mimeType: "application/pdf",
        buffer: fs.readFileSync(EVIDENCE_PDF),
      },
    },
  });
  expect(uploadAsCrrc.status()).toBe(404);
  expect((await crrc.request.get(`/api/v1/evidence/${evidence.id}`)).status()).toBe(404);
  // The page answers the same way.
  const pageResponse = await crrc.goto(`/ledger/${item.id}`);
  expect(pageResponse?.status()).toBe(404);
  await expect(crrc.getByTestId("not-found")).toBeVisible();

  // And the Telecom item is untouched.
  expect((await itemDetail(telecom.request, item.id)).version).toBe(detail.version);
  // The CRRC ledger does not list it.
  const list = (await (
    await crrc.request.get(`/api/v1/ledger-items?q=${encodeURIComponent(item.task.code)}&limit=200`)
  ).json()) as { items: { id: string }[] };
  expect(list.items.map((i) => i.id)).not.toContain(item.id);

  await telecom.context().close();
  await crrc.context().close();
});
