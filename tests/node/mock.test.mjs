// The mock TaskRouter behaves like the real endpoint where the widget can tell.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startMockTaskRouter, DEFAULT_ACCOUNT, DEFAULT_TOKEN, DEFAULT_WORKSPACE } from '../../scripts/mock-taskrouter.mjs';

const auth = { Authorization: 'Basic ' + Buffer.from(`${DEFAULT_ACCOUNT}:${DEFAULT_TOKEN}`).toString('base64') };
let mock;
test.beforeEach(async () => { mock = await startMockTaskRouter({ rateLimit: 3, now: () => Date.UTC(2024, 4, 1, 8, 15, 30) }); });
test.afterEach(() => mock.close());

const get = (query = '', headers = auth, ws = DEFAULT_WORKSPACE) =>
  fetch(`${mock.url}/v1/Workspaces/${ws}/Workers/Statistics${query}`, { headers });

test('it listens on loopback only', () => {
  assert.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/);
});

test('a good request gets statistics and rate-limit headers', async () => {
  const r = await get('?Minutes=15');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('x-rate-limit-limit'), '3');
  assert.equal(r.headers.get('x-rate-limit-remaining'), '2');
  const body = await r.json();
  assert.equal(body.workspace_sid, DEFAULT_WORKSPACE);
  assert.equal(body.cumulative.start_time, '2024-05-01T08:00:00Z');
  assert.equal(body.realtime.activity_statistics.reduce((a, s) => a + s.workers, 0), body.realtime.total_workers);
});

test('figures are deterministic and change with filters and windows', async () => {
  const a = await (await get('?Minutes=15')).json();
  const b = await (await get('?Minutes=15')).json();
  const c = await (await get('?Minutes=15&TaskChannel=sms')).json();
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.realtime, c.realtime);
});

test('missing or wrong credentials get 401 with Twilio error 20003', async () => {
  for (const headers of [{}, { Authorization: 'Basic ' + Buffer.from(`${DEFAULT_ACCOUNT}:nope`).toString('base64') }]) {
    const r = await get('', headers);
    assert.equal(r.status, 401);
    assert.equal((await r.json()).code, 20003);
  }
});

test('an unknown workspace gets 404 with 20404', async () => {
  const r = await get('', auth, 'WSffffffffffffffffffffffffffffffff');
  assert.equal(r.status, 404);
  assert.equal((await r.json()).code, 20404);
});

test('Minutes with StartDate and malformed parameters get 400', async () => {
  for (const q of ['?Minutes=15&StartDate=2024-05-01T08:00:00Z', '?Minutes=abc', '?StartDate=yesterday', '?TaskQueueSid=WQ1']) {
    mock.reset();  // stay within the rate budget of 3
    const r = await get(q);
    assert.equal(r.status, 400, q);
  }
});

test('429 with Retry-After once the budget is spent', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await get()).status, 200);
  const r = await get();
  assert.equal(r.status, 429);
  assert.equal((await r.json()).code, 20429);
  assert.ok(Number(r.headers.get('retry-after')) > 0);
});

test('CORS preflight allows Authorization and exposes the rate-limit headers', async () => {
  const r = await fetch(`${mock.url}/v1/Workspaces/${DEFAULT_WORKSPACE}/Workers/Statistics`, {
    method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:1', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('access-control-allow-origin'), 'http://127.0.0.1:1');
  assert.match(r.headers.get('access-control-allow-headers'), /Authorization/);
  assert.match(r.headers.get('access-control-expose-headers'), /X-Rate-Limit-Remaining/);
});

test('faults: status, malformed and truncated bodies, delay', async () => {
  mock.setFaults({ status: 503, once: true });
  assert.equal((await get()).status, 503);
  assert.equal((await get()).status, 200);
  mock.reset();
  mock.setFaults({ body: 'truncated' });
  await assert.rejects(async () => JSON.parse(await (await get()).text()));
  mock.setFaults({ body: 'malformed' });
  await assert.rejects(async () => JSON.parse(await (await get()).text()));
  mock.setFaults({ delayMs: 200 });
  const t0 = Date.now();
  await get();
  assert.ok(Date.now() - t0 >= 190);
});

test('requests are recorded without credentials', async () => {
  await get('?Minutes=15');
  assert.equal(mock.statisticsRequests().length, 1);
  assert.equal(mock.statisticsRequests()[0].query, '?Minutes=15');
  assert.ok(!JSON.stringify(mock.requests).includes(DEFAULT_TOKEN));
});
