// The demo page (web/index.html + demo.js) as a visitor uses it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServers, DEFAULT_ACCOUNT, DEFAULT_TOKEN, DEFAULT_WORKSPACE } from './harness.mjs';

let servers;
let browser;
test.before(async () => {
  servers = await startServers();  // auth on: the visitor types the credentials
  browser = await launchBrowser();
});
test.after(async () => {
  await browser?.close();
  await servers?.close();
});

// Function predicates with arguments: the page's CSP forbids evaluating strings.
const ready = (page, ...ids) => page.waitForFunction((list) =>
  list.every((id) => document.getElementById(id)?.shadowRoot?.querySelector('.ws[data-state="ok"]')), ids);

test('the page shows demo and snapshot widgets, and the form drives the live one', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${servers.site.url}index.html?endpoint=${encodeURIComponent(servers.mock.url)}&workspace=${DEFAULT_WORKSPACE}`);
  await ready(page, 'demo', 'snapshot');

  // The query string filled the form but no credentials: the first answer is 401.
  await page.waitForFunction(() => document.getElementById('live').lastDetail?.kind === 'unauthorized');
  await page.fill('input[name="username"]', DEFAULT_ACCOUNT);
  await page.fill('input[name="password"]', DEFAULT_TOKEN);
  await page.fill('input[name="minutes"]', '240');
  await page.fill('input[name="task-channel"]', 'voice');
  await page.click('button[type="submit"]');
  await ready(page, 'live');

  const last = servers.mock.statisticsRequests().at(-1);
  assert.equal(last.query, '?Minutes=240&TaskChannel=voice');
  assert.equal(last.authorized, true);
  // The token stays out of the page's URL and the element's attributes.
  assert.ok(!page.url().includes(DEFAULT_TOKEN));
  assert.equal(await page.evaluate((t) => [...document.getElementById('live').attributes].some((a) => a.value.includes(t)), DEFAULT_TOKEN), false);
  assert.deepEqual(problems.filter((p) => !p.includes('status of 401')), []);
  await context.close();
});
