// Shared set-up of the browser tests: the servers they need, started here on
// loopback, and headless Debian Chromium driven by playwright-core.
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

/** Starts a mock TaskRouter and the site under a sub-path with a strict CSP. */
export async function startServers(mockOptions = {}) {
  const mock = await startMockTaskRouter(mockOptions);
  const site = await startStaticServer({ root: SITE, prefix: '/static/widgets/', csp: strictCsp([mock.url]) });
  return { mock, site, close: async () => { await site.close(); await mock.close(); } };
}

/**
 * Opens a page that only holds the given markup and the element's module,
 * records console errors, page errors and failed requests.
 */
export async function openWidgetPage(browser, site, bodyHtml, { colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(site.url + 'blank.html');
  await page.evaluate(async ({ html }) => {
    document.body.innerHTML = html;
    await import('./worker-stats.js');
  }, { html: bodyHtml });
  return { page, context, problems };
}

/** Resolves with the detail of the next worker-stats event of `type` on `selector`. */
export function nextEvent(page, selector, type, timeout = 10000) {
  return page.evaluate(({ selector, type, timeout }) => new Promise((resolve, reject) => {
    const el = document.querySelector(selector);
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeout} ms`)), timeout);
    el.addEventListener(type, (e) => { clearTimeout(timer); resolve(e.detail); }, { once: true });
  }), { selector, type, timeout });
}

/** Text of elements matching `css` inside the element's shadow root. */
export function shadowTexts(page, selector, css) {
  return page.evaluate(({ selector, css }) =>
    [...document.querySelector(selector).shadowRoot.querySelectorAll(css)].map((n) => n.textContent.trim()), { selector, css });
}
