// The module's JavaScript API as Node sees it (the CommonJS build).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const loadCore = require('./load-core.cjs');

const fixture = (name) => fs.readFileSync(path.resolve(__dirname, '../fixtures', name), 'utf8');
const WS = 'WS0123456789abcdef0123456789abcdef';

let core;
test.before(async () => { core = await loadCore(); });

test('analyze returns valid, errors, warnings and a summary as plain objects', () => {
  const result = core.analyze(fixture('custom-activities.json'), { categories: 'On Call=busy', minutes: 15 });
  assert.equal(result.valid, true);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.summary.realtime.total, 20);
  assert.equal(result.summary.realtime.busy, 7);
  assert.equal(result.summary.realtime.occupancy, 0.5);
  assert.equal(result.summary.cumulative.reservations.accepted.count, 24);
  assert.equal(result.summary.cumulative.window_seconds, 900);
});

test('analyze of the seed example lists the max < min warnings with their paths', () => {
  const result = core.analyze(fixture('seed-example.json'));
  assert.equal(result.valid, true);
  const order = result.warnings.filter((w) => w.code === 'duration_order').map((w) => w.path);
  assert.deepEqual(order, ['/cumulative/activity_durations/0', '/cumulative/activity_durations/1']);
});

test('analyze of a truncated body is invalid, with the byte offset, and no summary', () => {
  const result = core.analyze(fixture('truncated.json'));
  assert.equal(result.valid, false);
  assert.equal(result.summary, null);
  assert.equal(result.errors[0].code, 'malformed_json');
  assert.match(result.errors[0].message, /byte offset 1200/);
});

test('analyze never throws, whatever it is given', () => {
  for (const input of ['', '\u0000', '{"realtime":', '[[[[[[[[[[', '"x"', '{"realtime":{"total_workers":1e999}}', 'x'.repeat(100000)]) {
    const result = core.analyze(input);
    assert.equal(result.valid, false, JSON.stringify(input.slice(0, 20)));
    assert.ok(result.errors.length > 0);
  }
});

test('buildRequestUrl encodes every parameter and validates first', () => {
  const ok = core.buildRequestUrl({ WorkspaceSid: WS, Minutes: 240, TaskChannel: 'voice', FriendlyName: 'Ana María' }, 'http://127.0.0.1:8080');
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.url, `http://127.0.0.1:8080/v1/Workspaces/${WS}/Workers/Statistics?Minutes=240&FriendlyName=Ana%20Mar%C3%ADa&TaskChannel=voice`);

  const bad = core.buildRequestUrl({ WorkspaceSid: 'WS1', Minutes: 15, StartDate: '2024-05-01T00:00:00Z', Minute: 3 });
  assert.equal(bad.url, null);
  const where = bad.errors.map((e) => e.path).sort();
  assert.deepEqual(where, ['Minute', 'Minutes', 'WorkspaceSid']);
});

test('buildRequestUrl defaults to taskrouter.twilio.com and refuses credentials in the endpoint', () => {
  assert.equal(core.buildRequestUrl({ WorkspaceSid: WS }).url, `https://taskrouter.twilio.com/v1/Workspaces/${WS}/Workers/Statistics`);
  const withCredentials = core.buildRequestUrl({ WorkspaceSid: WS }, 'https://AC1:secret@taskrouter.twilio.com');
  assert.equal(withCredentials.url, null);
  assert.equal(withCredentials.errors[0].code, 'credentials_in_url');
});

test('renderHtml renders a snapshot and escapes hostile names', () => {
  const hostile = fixture('custom-activities.json').replace('"Lunch"', '"<img src=x onerror=alert(1)>"');
  const out = core.renderHtml(hostile, { title: 'Floor <1>', updated_at: Date.UTC(2024, 4, 1, 8, 15, 2) });
  assert.equal(out.valid, true);
  assert.match(out.html, /^<section class="ws" data-state="ok"/);
  assert.match(out.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.doesNotMatch(out.html, /<img/);
  assert.match(out.html, /Floor &lt;1&gt;/);
  assert.match(out.html, /08:15:02 UTC/);
});

test('renderHtml of an invalid snapshot shows the error panel with the diagnostics', () => {
  const out = core.renderHtml('{"realtime":{"total_workers":-3}}', {});
  assert.equal(out.valid, false);
  assert.match(out.html, /role="alert"/);
  assert.match(out.html, /\/realtime\/total_workers/);
  assert.equal(out.errors[0].code, 'negative_count');
});

test('repeated calls do not grow wasm memory (nothing leaks across the boundary)', () => {
  const body = fixture('custom-activities.json');
  for (let i = 0; i < 50; i++) core.analyze(body);  // warm up the allocator
  const before = core.HEAP8.buffer.byteLength;
  for (let i = 0; i < 2000; i++) {
    core.analyze(body);
    core.renderHtml(body, {});
    core.buildRequestUrl({ WorkspaceSid: WS, Minutes: 15 });
  }
  assert.equal(core.HEAP8.buffer.byteLength, before);
});

test('a controller in demo mode renders through its listener, and is freed by delete()', async () => {
  const events = [];
  const updated = new Promise((resolve) => {
    const controller = new core.WorkerStatsController((type, html, detail) => {
      events.push({ type, html, detail: JSON.parse(detail) });
      if (type === 'update') resolve(controller);
    });
    assert.deepEqual(controller.configure({ demo: true, title: 'Demo' }), []);
    controller.start();
  });
  const controller = await updated;
  assert.deepEqual(events.map((e) => e.type), ['loading', 'update']);
  assert.match(events[1].html, /Wrap Up/);
  assert.equal(events[1].detail.summary.realtime.total, 42);
  assert.equal(controller.requestsSent(), 0);  // demo mode never touches the network
  controller.stop();
  controller.dispose();
  controller.delete();
  assert.equal(controller.isDeleted(), true);
  assert.throws(() => controller.start(), /deleted/);
});

test('a controller reports an invalid configuration instead of fetching', () => {
  const events = [];
  const controller = new core.WorkerStatsController((type, html, detail) => events.push({ type, detail: JSON.parse(detail) }));
  try {
    const problems = controller.configure({ query: { WorkspaceSid: 'nope', Minutes: 0 } });
    assert.deepEqual(problems.map((p) => p.path).sort(), ['Minutes', 'WorkspaceSid']);
    controller.start();
    assert.equal(controller.requestsSent(), 0);
    assert.equal(events.at(-1).type, 'error');
    assert.equal(events.at(-1).detail.kind, 'invalid_config');
  } finally {
    controller.delete();
  }
});

test('under Node the controller has no network: an api request ends as a network error', async () => {
  const controller = await new Promise((resolve) => {
    const c = new core.WorkerStatsController((type, html, detail) => {
      if (type === 'error') resolve({ c, detail: JSON.parse(detail) });
    });
    c.configure({ endpoint: 'http://127.0.0.1:9', query: { WorkspaceSid: WS } });
    c.start();
  });
  assert.equal(controller.detail.kind, 'network');
  controller.c.delete();
});
