// Shared set-up of the browser tests: the servers they need, started here on
// loopback, and headless Debian Chromium driven by playwright-core.
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startMockTaskRouter, DEFAULT_ACCOUNT, DEFAULT_TOKEN, DEFAULT_WORKSPACE } from '../../scripts/mock-taskrouter.mjs';
import { startStaticServer, strictCsp } from '../../scripts/static-server.mjs';

export { DEFAULT_ACCOUNT, DEFAULT_TOKEN, DEFAULT_WORKSPACE };

const here = path.dirname(fileURLToPath(import.meta.url));
export const SITE = path.resolve(here, '../../build/wasm/site');

// Flags that work as root on these machines and keep Chromium off the network.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions'];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** A loopback URL where nothing listens (a port taken and released again). */
function closedEndpoint() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(`http://127.0.0.1:${port}`));
    });
  });
}

/**
 * Starts a mock TaskRouter and the site under a sub-path with a strict CSP.
 * `dead` is an endpoint with no server, allowed by the CSP, so a test can
 * meet a real refused connection.
 */
export async function startServers(mockOptions = {}) {
  const mock = await startMockTaskRouter(mockOptions);
  const dead = await closedEndpoint();
  const site = await startStaticServer({ root: SITE, prefix: '/static/widgets/', csp: strictCsp([mock.url, dead]) });
  return { mock, site, dead, close: async () => { await site.close(); await mock.close(); } };
}

/**
 * Opens a page with the element's module, then inserts the given markup.
 * Every worker-stats event is recorded from before the insertion, so no
 * test can miss one that fires early; `credentials` are set on #w before it
 * is connected. Console errors, page errors and failed loads are collected.
 */
export async function openWidgetPage(browser, site, bodyHtml, { colorScheme = 'light', credentials = null } = {}) {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(site.url + 'blank.html');
  await page.evaluate(async ({ html, credentials }) => {
    window.__wsEvents = [];
    for (const type of ['worker-stats-update', 'worker-stats-error']) {
      document.addEventListener(type, (e) => window.__wsEvents.push({ id: e.target.id, type, detail: e.detail }));
    }
    await import('./worker-stats.js');
    const template = document.createElement('template');
    template.innerHTML = html;
    const fragment = document.importNode(template.content, true);
    customElements.upgrade(fragment);  // so #w has its methods before it is connected
    const widget = fragment.querySelector('#w');
    if (widget && credentials) widget.setCredentials(credentials[0], credentials[1]);
    document.body.append(fragment);
  }, { html: bodyHtml, credentials });
  return { page, context, problems };
}

/** Waits for the n-th (1-based) worker-stats event of `type` on `selector` and returns its detail. */
export async function nextEvent(page, selector, type, n = 1, timeout = 10000) {
  const id = selector.replace(/^#/, '');
  const handle = await page.waitForFunction(({ id, type, n }) => {
    const matching = window.__wsEvents.filter((e) => e.id === id && e.type === type);
    return matching.length >= n ? matching[n - 1].detail : null;
  }, { id, type, n }, { timeout });
  return handle.jsonValue();
}

/** Text of elements matching `css` inside the element's shadow root. */
export function shadowTexts(page, selector, css) {
  return page.evaluate(({ selector, css }) =>
    [...document.querySelector(selector).shadowRoot.querySelectorAll(css)].map((n) => n.textContent.trim()), { selector, css });
}
