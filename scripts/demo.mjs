// Runs the demo: mock TaskRouter (auth off, so the page needs no credentials)
// and the built site with a strict CSP, both on loopback. See scripts/demo.sh.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockTaskRouter, DEFAULT_WORKSPACE } from './mock-taskrouter.mjs';
import { startStaticServer, strictCsp } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const site = path.join(root, 'build/wasm/site');
const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? args[shotIndex + 1] : null;
if (shotIndex >= 0 && !screenshot) {
  console.error('usage: scripts/demo.sh [--screenshot FILE.png]');
  process.exit(2);
}

// Tries the preferred port, then any free one: a busy 8080 must not stop the demo.
async function onPort(preferred, start) {
  try {
    return await start(preferred);
  } catch (error) {
    if (error.code !== 'EADDRINUSE' || preferred === 0) throw error;
    console.log(`port ${preferred} is busy; using a free one`);
    return start(0);
  }
}

// A screenshot run takes free ports so it never collides with a running demo.
const mock = await onPort(screenshot ? 0 : Number(process.env.MOCK_PORT || 8787), (port) => startMockTaskRouter({ port, auth: false }));
const web = await onPort(screenshot ? 0 : Number(process.env.DEMO_PORT || 8080),
  (port) => startStaticServer({ root: site, port, csp: strictCsp([mock.url]) }));
const pageUrl = `${web.url}?endpoint=${encodeURIComponent(mock.url)}&workspace=${DEFAULT_WORKSPACE}&minutes=15&refresh=15`;

if (!screenshot) {
  console.log(`mock TaskRouter:  ${mock.url}  (workspace ${DEFAULT_WORKSPACE}, auth off)`);
  console.log(`demo page:        ${pageUrl}`);
  console.log('Ctrl-C to stop.');
  const stop = async () => { await web.close(); await mock.close(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  const { launchBrowser } = await import('../tests/e2e/harness.mjs');
  const browser = await launchBrowser();
  let status = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    page.on('pageerror', (e) => { console.error(`page error: ${e.message}`); status = 1; });
    await page.goto(pageUrl);
    // Wait until each of the three widgets shows figures.
    await page.waitForFunction(() => ['live', 'demo', 'snapshot'].every((id) =>
      document.getElementById(id)?.shadowRoot?.querySelector('.ws[data-state="ok"]')), null, { timeout: 20000 });
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot saved to ${screenshot}`);
  } catch (error) {
    console.error(`screenshot failed: ${error.message}`);
    status = 1;
  } finally {
    await browser.close();
    await web.close();
    await mock.close();
  }
  process.exit(status);
}
