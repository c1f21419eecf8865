// End-to-end: the <worker-stats> element in headless Chromium, against the
// mock TaskRouter and a static server started here on loopback. The site is
// served under a sub-path with a strict Content-Security-Policy, so every
// test also proves the widget needs neither eval nor inline code nor root URLs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { generateStatistics, requestWindow } from '../../scripts/mock-taskrouter.mjs';
import {
  launchBrowser, startServers, openWidgetPage, nextEvent, shadowTexts,
  DEFAULT_ACCOUNT, DEFAULT_TOKEN, DEFAULT_WORKSPACE,
} from './harness.mjs';

const NOW = Date.UTC(2024, 4, 1, 8, 15, 30);  // the mock's clock: windows are deterministic
let servers;
let browser;

test.before(async () => {
  servers = await startServers({ now: () => NOW });
  browser = await launchBrowser();
});
test.after(async () => {
  await browser?.close();
  await servers?.close();
});
test.beforeEach(() => servers.mock.reset());

const hms = (s) => `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

function liveWidget(attributes = '') {
  return `<worker-stats id="w" endpoint="${servers.mock.url}" workspace-sid="${DEFAULT_WORKSPACE}" ${attributes}></worker-stats>`;
}

function openLive(attributes, { credentials = [DEFAULT_ACCOUNT, DEFAULT_TOKEN] } = {}) {
  return openWidgetPage(browser, servers.site, liveWidget(attributes), { credentials });
}

test('the widget shows exactly the figures the mock served', async () => {
  const { page, context, problems } = await openLive('minutes="15"');
  const detail = await nextEvent(page, '#w', 'worker-stats-update');
  const params = { Minutes: '15' };
  const expected = generateStatistics({ seed: 7, workspaceSid: DEFAULT_WORKSPACE, params, window: requestWindow(params, NOW) });

  assert.equal(detail.summary.realtime.total, expected.realtime.total_workers);
  // Cross-origin, these are readable only because the mock exposes them (Access-Control-Expose-Headers).
  assert.deepEqual(detail.rate_limit, { limit: 1000, remaining: 999, config: 'WorkersStatistics', retry_after: null });
  const tiles = await shadowTexts(page, '#w', '.ws-tile-value');
  assert.equal(tiles[0], String(expected.realtime.total_workers));
  const offline = expected.realtime.activity_statistics.find((a) => a.friendly_name === 'Offline').workers;
  assert.equal(tiles[1], String(expected.realtime.total_workers - offline));

  const names = await shadowTexts(page, '#w', '.ws-activities .ws-activity-name');
  const counts = await shadowTexts(page, '#w', '.ws-activities .ws-workers');
  assert.deepEqual(names, expected.realtime.activity_statistics.map((a) => a.friendly_name));
  assert.deepEqual(counts, expected.realtime.activity_statistics.map((a) => String(a.workers)));

  const totals = await shadowTexts(page, '#w', '.ws-durations .ws-total');
  assert.deepEqual(totals, expected.cumulative.activity_durations.map((d) => hms(d.total)));
  const created = await shadowTexts(page, '#w', '.ws-created-count');
  assert.deepEqual(created, [String(expected.cumulative.reservations_created)]);
  const accepted = await shadowTexts(page, '#w', '[data-outcome="accepted"] .ws-outcome-count');
  assert.deepEqual(accepted, [String(expected.cumulative.reservations_accepted)]);
  const range = await shadowTexts(page, '#w', '.ws-window-range');
  assert.match(range[0], /2024-05-01T08:00:00Z – 2024-05-01T08:15:00Z \(0:15:00\)/);

  const requests = servers.mock.statisticsRequests();
  assert.equal(requests.length, 1);
  assert.equal(requests[0].query, '?Minutes=15');
  assert.equal(requests[0].authorized, true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('credentials never reach the DOM, the URL or storage', async () => {
  const { page, context, problems } = await openLive('minutes="15"');
  await nextEvent(page, '#w', 'worker-stats-update');
  const leaks = await page.evaluate((token) => ({
    light: document.documentElement.outerHTML.includes(token),
    shadow: document.querySelector('#w').shadowRoot.innerHTML.includes(token),
    attributes: [...document.querySelector('#w').attributes].some((a) => a.value.includes(token)),
    storage: JSON.stringify({ ...localStorage }).includes(token) || JSON.stringify({ ...sessionStorage }).includes(token),
    property: document.querySelector('#w').credentials,
  }), DEFAULT_TOKEN);
  assert.deepEqual(leaks, { light: false, shadow: false, attributes: false, storage: false, property: undefined });
  for (const r of servers.mock.requests) assert.ok(!r.query.includes(DEFAULT_TOKEN) && !r.path.includes(DEFAULT_TOKEN));
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad credentials show Twilio error 20003', async () => {
  const { page, context, problems } = await openLive('', { credentials: [DEFAULT_ACCOUNT, 'wrong-token'] });
  const detail = await nextEvent(page, '#w', 'worker-stats-error');
  assert.equal(detail.kind, 'unauthorized');
  assert.equal(detail.twilio_code, 20003);
  const panel = await shadowTexts(page, '#w', '.ws-error');
  assert.match(panel[0], /Authentication failed/);
  assert.match(panel[0], /Twilio error 20003/);
  assert.match(panel[0], /Authenticate/);
  // The browser logs the 401 itself; nothing else may be logged.
  assert.deepEqual(problems.filter((p) => !p.includes('status of 401')), []);
  await context.close();
});

test('an unknown workspace shows Twilio error 20404', async () => {
  const { page, context, problems } = await openWidgetPage(browser, servers.site,
    `<worker-stats id="w" endpoint="${servers.mock.url}" workspace-sid="WSffffffffffffffffffffffffffffffff"></worker-stats>`,
    { credentials: [DEFAULT_ACCOUNT, DEFAULT_TOKEN] });
  const detail = await nextEvent(page, '#w', 'worker-stats-error');
  assert.equal(detail.kind, 'not_found');
  assert.equal(detail.twilio_code, 20404);
  assert.match((await shadowTexts(page, '#w', '.ws-error'))[0], /Workspace not found.*Twilio error 20404/s);
  assert.deepEqual(problems.filter((p) => !p.includes('status of 404')), []);
  await context.close();
});

test('changing minutes or task-channel sends a new request with the right query', async () => {
  const { page, context, problems } = await openLive('minutes="15"');
  await nextEvent(page, '#w', 'worker-stats-update');
  await page.evaluate(() => document.querySelector('#w').setAttribute('minutes', '240'));
  const d240 = await nextEvent(page, '#w', 'worker-stats-update', 2);
  assert.equal(d240.summary.cumulative.window_seconds, 240 * 60);

  await page.evaluate(() => document.querySelector('#w').setAttribute('task-channel', 'sms'));
  await nextEvent(page, '#w', 'worker-stats-update', 3);
  const queries = servers.mock.statisticsRequests().map((r) => r.query);
  assert.deepEqual(queries, ['?Minutes=15', '?Minutes=240', '?Minutes=240&TaskChannel=sms']);
  const scope = await shadowTexts(page, '#w', '.ws-scope');
  assert.deepEqual(scope, ['sms · last 240 min']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an invalid attribute shows a clear error and sends nothing', async () => {
  const { page, context, problems } = await openLive('minutes="15" start-date="2024-05-01T08:00:00Z"');
  const detail = await nextEvent(page, '#w', 'worker-stats-error');
  assert.equal(detail.kind, 'invalid_config');
  assert.ok(detail.errors.some((e) => e.code === 'minutes_with_dates' && e.path === 'Minutes'));
  assert.match((await shadowTexts(page, '#w', '.ws-error'))[0], /Minutes cannot be combined with StartDate/);
  assert.equal(servers.mock.statisticsRequests().length, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('src snapshot mode and demo mode work with no API at all', async () => {
  const { page, context, problems } = await openWidgetPage(browser, servers.site,
    '<worker-stats id="s" src="snapshot-example.json"></worker-stats><worker-stats id="d" demo></worker-stats>');
  const [snapshot, demo] = await Promise.all([
    nextEvent(page, '#s', 'worker-stats-update'),
    nextEvent(page, '#d', 'worker-stats-update'),
  ]);
  assert.equal(snapshot.summary.realtime.total, 20);
  assert.equal((await shadowTexts(page, '#s', '.ws-tile-value'))[0], '20');
  assert.deepEqual(await shadowTexts(page, '#s', '.ws-scope'), ['snapshot']);
  assert.equal(demo.summary.realtime.total, 42);
  assert.ok((await shadowTexts(page, '#d', '.ws-activity-name')).includes('Wrap Up'));
  assert.equal(servers.mock.requests.length, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a response with warnings shows the badge and its diagnostics', async () => {
  const { readFileSync } = await import('node:fs');
  servers.mock.setFaults({ json: readFileSync(new URL('../fixtures/seed-example.json', import.meta.url), 'utf8') });
  const { page, context, problems } = await openLive('');
  const detail = await nextEvent(page, '#w', 'worker-stats-update');
  assert.equal(detail.warnings.length, 8);
  assert.deepEqual(await shadowTexts(page, '#w', '.ws-badge'), ['8 warnings']);
  const paths = await shadowTexts(page, '#w', '.ws-warnings .ws-path');
  assert.ok(paths.includes('/cumulative/activity_durations/0'));
  await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('.ws-badge').click());
  assert.equal(await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('.ws-warnings').open), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a malformed response shows an error and keeps the last good figures', async () => {
  const { page, context, problems } = await openLive('minutes="15"');
  await nextEvent(page, '#w', 'worker-stats-update');
  const before = await shadowTexts(page, '#w', '.ws-tile-value');
  servers.mock.setFaults({ body: 'truncated' });
  await page.evaluate(() => document.querySelector('#w').refresh());
  const detail = await nextEvent(page, '#w', 'worker-stats-error');
  assert.equal(detail.kind, 'invalid_response');
  assert.equal(detail.errors[0].code, 'malformed_json');
  assert.match((await shadowTexts(page, '#w', '.ws-error'))[0], /byte offset/);
  assert.deepEqual(await shadowTexts(page, '#w', '.ws-tile-value'), before);
  assert.deepEqual(await shadowTexts(page, '#w', '.ws-stale'), ['(stale)']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a dead server gives a network error, not a crash', async () => {
  const { page, context, problems } = await openWidgetPage(browser, servers.site,
    `<worker-stats id="w" endpoint="${servers.dead}" workspace-sid="${DEFAULT_WORKSPACE}"></worker-stats>`);
  const detail = await nextEvent(page, '#w', 'worker-stats-error');
  assert.equal(detail.kind, 'network');
  assert.match((await shadowTexts(page, '#w', '.ws-error'))[0], /Cannot reach the server/);
  // Chromium logs the refused connection itself; nothing else may be logged.
  assert.deepEqual(problems.filter((p) => !/ERR_CONNECTION_REFUSED/.test(p)), []);
  await context.close();
});

test('removing the element stops all requests and frees its controller', async () => {
  const { page, context, problems } = await openLive('refresh="5"');
  await nextEvent(page, '#w', 'worker-stats-update');
  // Remove while the next answer is slow to come, to cover the late-answer path too.
  servers.mock.setFaults({ delayMs: 300 });
  await page.evaluate(() => document.querySelector('#w').refresh());
  await page.evaluate(() => document.querySelector('#w').remove());
  const sent = servers.mock.statisticsRequests().length;
  await page.waitForTimeout(6500);  // longer than one refresh period
  assert.equal(servers.mock.statisticsRequests().length, sent);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the update event bubbles out of the shadow root to the document', async () => {
  const { page, context, problems } = await openLive('minutes="15"');
  // The harness listens on document: receiving the event there proves it bubbles and is composed.
  const detail = await nextEvent(page, '#w', 'worker-stats-update');
  assert.ok(detail.summary.realtime.total > 0);
  assert.equal(await page.evaluate(() => document.querySelector('#w').lastDetail.summary.realtime.total), detail.summary.realtime.total);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a server that does not answer in time gives a timeout error', async () => {
  servers.mock.setFaults({ delayMs: 2500 });
  const { page, context, problems } = await openLive('timeout="1"');
  const detail = await nextEvent(page, '#w', 'worker-stats-error');
  assert.equal(detail.kind, 'timeout');
  assert.match((await shadowTexts(page, '#w', '.ws-error'))[0], /No answer/);
  assert.deepEqual(problems, []);
  await context.close();
});
