#!/bin/sh
# Proves that, after the install step, Reform Ledger needs no network: inside a Linux network
# namespace with loopback only (as on an intranet without internet), it builds, starts with
# demo data on the embedded PostgreSQL and answers, then (unless --no-tests) runs the whole
# test suite. Needs root (unshare) and the install step done first:
#   npm install && npm run db:client && node scripts/ensure-chromium.mjs
#   sh scripts/air-gapped.sh [--no-tests]
set -eu
cd "$(dirname "$0")/.."
if [ "${AIR_GAPPED_INSIDE:-}" != "1" ]; then
  exec env AIR_GAPPED_INSIDE=1 unshare --net sh "$0" "$@"
fi
ip link set lo up
if node -e "require('node:dns').lookup('registry.npmjs.org', (e) => process.exit(e ? 1 : 0))"; then
  echo "air-gapped: the namespace still resolves outside names" >&2
  exit 1
fi
# The run command builds (the old build is removed, so the build itself runs offline), migrates,
# seeds the demo data and serves.
rm -rf .next
mkdir -p .data
PORT=${AIR_GAPPED_PORT:-3199}
echo "air-gapped: loopback only; building and starting on port $PORT ..."
PORT=$PORT node scripts/start.mjs > .data/air-gapped-start.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2> /dev/null || true' EXIT
node -e "
const base = 'http://127.0.0.1:$PORT';
const until = Date.now() + 1200000;
(async () => {
  for (;;) {
    try {
      const ready = await fetch(base + '/api/health/ready');
      if (ready.ok) break;
    } catch {}
    if (Date.now() > until) throw new Error('the app did not become ready (see .data/air-gapped-start.log)');
    await new Promise((r) => setTimeout(r, 1000));
  }
  const page = await fetch(base + '/sign-in');
  const html = await page.text();
  if (!page.ok || !html.includes('<form')) throw new Error('the sign-in page did not render: ' + page.status);
  console.log('air-gapped: the app answers (ready, sign-in page ' + page.status + ')');
})().catch((e) => { console.error(e.message); process.exit(1); });
"
kill $SERVER 2> /dev/null || true
wait $SERVER 2> /dev/null || true
if [ "${1:-}" = "--no-tests" ]; then exit 0; fi
echo "air-gapped: the whole test suite ..."
npm test
