#!/usr/bin/env node
// A mock of TaskRouter's Workers Statistics endpoint for demos and tests.
// Dependency-free; listens on loopback only.
//
//   GET /v1/Workspaces/{WorkspaceSid}/Workers/Statistics
//       ?Minutes=&StartDate=&EndDate=&TaskQueueSid=&TaskQueueName=&FriendlyName=&TaskChannel=
//
// Behaves like the real endpoint where the widget can tell: HTTP Basic auth
// (401 with Twilio error 20003), unknown workspaces (404, 20404), malformed
// parameters and Minutes with StartDate/EndDate (400), X-Rate-Limit-* headers
// and 429 (20429) with Retry-After once the budget is spent, CORS with
// preflight. Figures are synthetic but deterministic: a function of the seed,
// the workspace, the filters and the window (see generateStatistics).
//
// Control (for tests and demos): the returned handle's setFaults/reset/requests,
// or over HTTP: POST /__mock/faults {delayMs, status, body: "malformed"|"truncated"|"html", once},
// POST /__mock/reset, GET /__mock/requests.
//
// CLI: node scripts/mock-taskrouter.mjs [--port 8787] [--host 127.0.0.1] [--seed 7]
//      [--account-sid AC...] [--auth-token TOKEN] [--no-auth] [--workspace WS...]... [--rate-limit N]

import http from 'node:http';
import { pathToFileURL } from 'node:url';

export const DEFAULT_WORKSPACE = 'WS0123456789abcdef0123456789abcdef';
export const DEFAULT_ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
export const DEFAULT_TOKEN = 'mock-auth-token';

const SID = (prefix) => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ACTIVITIES = ['Available', 'Busy', 'Reserved', 'Wrap Up', 'Break', 'Training', 'Offline'];

// FNV-1a over a string, then mulberry32: small, deterministic, good enough for fake data.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function activitySid(workspace, index) {
  return 'WA' + (hash(workspace).toString(16).padStart(8, '0') + index.toString(16).padStart(24, '0'));
}

/**
 * The response body for a request, as a plain object. Exported so tests can
 * assert that the widget shows exactly what the mock served.
 * `window` is {start, end} in epoch ms.
 */
export function generateStatistics({ seed = 7, workspaceSid, accountSid = DEFAULT_ACCOUNT, params = {}, window }) {
  const filters = ['TaskQueueSid', 'TaskQueueName', 'FriendlyName', 'TaskChannel'].map((k) => `${k}=${params[k] ?? ''}`).join('&');
  const rnd = random(hash(`${seed}|${workspaceSid}|${filters}`));
  // Every filter narrows the population deterministically.
  let total = 30 + Math.floor(rnd() * 31);
  for (const k of ['TaskQueueSid', 'TaskQueueName', 'FriendlyName', 'TaskChannel']) {
    if (params[k]) total = Math.max(1, Math.round(total * (0.3 + 0.5 * random(hash(`${k}=${params[k]}`))())));
  }
  const weights = ACTIVITIES.map(() => 0.2 + rnd());
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  counts[1] += total - counts.reduce((a, b) => a + b, 0);  // the remainder goes to Busy
  const windowSeconds = Math.max(60, Math.round((window.end - window.start) / 1000));
  const durations = ACTIVITIES.map((name, i) => {
    const stays = Math.max(0, Math.round(counts[i] * (1 + rnd() * 3) * Math.max(1, windowSeconds / 3600)));
    if (stays === 0) return { avg: 0, min: 0, max: 0, total: 0 };
    const avg = 20 + Math.floor(rnd() * Math.min(windowSeconds, 1800));
    const min = Math.max(1, Math.floor(avg * (0.1 + rnd() * 0.5)));
    const max = avg + Math.floor(rnd() * avg);
    return { avg, min, max, total: avg * stays };
  });
  const created = Math.round((counts[1] + counts[2] + 1) * (windowSeconds / 300) * (0.5 + rnd()));
  const accepted = Math.floor(created * (0.7 + rnd() * 0.2));
  let left = created - accepted;
  const take = () => { const n = Math.floor(left * rnd() * 0.6); left -= n; return n; };
  const rejected = take(), timedOut = take(), canceled = take(), rescinded = take();
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    realtime: {
      total_workers: total,
      activity_statistics: ACTIVITIES.map((name, i) => ({ sid: activitySid(workspaceSid, i), friendly_name: name, workers: counts[i] })),
    },
    cumulative: {
      start_time: iso(window.start),
      end_time: iso(window.end),
      activity_durations: ACTIVITIES.map((name, i) => ({ sid: activitySid(workspaceSid, i), friendly_name: name, ...durations[i] })),
      reservations_created: created,
      reservations_accepted: accepted,
      reservations_rejected: rejected,
      reservations_timed_out: timedOut,
      reservations_canceled: canceled,
      reservations_rescinded: rescinded,
    },
    account_sid: accountSid,
    workspace_sid: workspaceSid,
    url: `https://taskrouter.twilio.com/v1/Workspaces/${workspaceSid}/Workers/Statistics`,
  };
}

function twilioError(status, code, message) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** The statistics window a request asks for, or an error object. `now` is epoch ms. */
export function requestWindow(params, now) {
  const minuteNow = Math.floor(now / 60000) * 60000;  // the API works in whole minutes
  if (params.Minutes !== undefined && (params.StartDate !== undefined || params.EndDate !== undefined)) {
    return { error: twilioError(400, 20001, 'Minutes cannot be combined with StartDate or EndDate') };
  }
  if (params.Minutes !== undefined) {
    if (!/^\d+$/.test(params.Minutes) || +params.Minutes < 1 || +params.Minutes > 43200) {
      return { error: twilioError(400, 20001, 'Minutes must be a positive integer no larger than 43200') };
    }
    return { start: minuteNow - params.Minutes * 60000, end: minuteNow };
  }
  for (const k of ['StartDate', 'EndDate']) {
    if (params[k] !== undefined && (!ISO.test(params[k]) || Number.isNaN(Date.parse(params[k])))) {
      return { error: twilioError(400, 20001, `${k} must be an ISO 8601 date-time`) };
    }
  }
  const end = params.EndDate !== undefined ? Date.parse(params.EndDate) : minuteNow;
  const start = params.StartDate !== undefined ? Date.parse(params.StartDate) : end - 15 * 60000;
  if (start > end) return { error: twilioError(400, 20001, 'StartDate must not be after EndDate') };
  return { start, end };
}

export function startMockTaskRouter(options = {}) {
  const config = {
    host: '127.0.0.1',
    port: 0,
    seed: 7,
    accountSid: DEFAULT_ACCOUNT,
    authToken: DEFAULT_TOKEN,
    auth: true,
    workspaces: [DEFAULT_WORKSPACE],
    rateLimit: 1000,          // requests per rate window
    rateWindowSeconds: 60,
    now: () => Date.now(),
    ...options,
  };
  const requests = [];
  let faults = null;
  let used = 0;
  let windowStart = config.now();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://mock');
    const origin = req.headers.origin;
    const cors = {
      'Access-Control-Allow-Origin': origin || '*',
      'Access-Control-Allow-Methods': 'GET, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Accept, Content-Type',
      'Access-Control-Expose-Headers': 'X-Rate-Limit-Limit, X-Rate-Limit-Remaining, X-Rate-Limit-Config, Retry-After',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
    if (origin) cors['Access-Control-Allow-Credentials'] = 'true';
    const send = (status, body, headers = {}) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...cors, ...headers });
      res.end(text);
    };

    if (url.pathname.startsWith('/__mock/')) return control(req, res, url, send);

    const params = Object.fromEntries(url.searchParams);
    // Recorded without the Authorization header's value: logs never hold credentials.
    requests.push({ method: req.method, path: url.pathname, query: url.search, params, authorized: Boolean(req.headers.authorization), time: config.now() });

    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      return res.end();
    }
    if (req.method !== 'GET') return send(405, twilioError(405, 20004, 'Method not allowed'));

    const match = /^\/v1\/Workspaces\/([^/]+)\/Workers\/Statistics$/.exec(url.pathname);
    if (!match) return send(404, twilioError(404, 20404, 'The requested resource was not found'));

    // The faults in force when the request arrived ("once" faults apply to one request).
    const f = faults;
    if (f?.once) faults = null;
    const respond = () => {
      if (config.auth) {
        const expected = 'Basic ' + Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64');
        if (req.headers.authorization !== expected) return send(401, twilioError(401, 20003, 'Authenticate'), { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
      }
      const now = config.now();
      if (now - windowStart >= config.rateWindowSeconds * 1000) {
        windowStart = now;
        used = 0;
      }
      used++;
      const rate = {
        'X-Rate-Limit-Limit': String(config.rateLimit),
        'X-Rate-Limit-Remaining': String(Math.max(0, config.rateLimit - used)),
        'X-Rate-Limit-Config': 'WorkersStatistics',
      };
      if (used > config.rateLimit) {
        const retry = Math.max(1, Math.ceil((windowStart + config.rateWindowSeconds * 1000 - now) / 1000));
        return send(429, twilioError(429, 20429, 'Too Many Requests'), { ...rate, 'Retry-After': String(retry) });
      }
      const workspaceSid = decodeURIComponent(match[1]);
      if (!SID('WS').test(workspaceSid)) return send(404, twilioError(404, 20404, `The requested resource /Workspaces/${workspaceSid} was not found`), rate);
      if (!config.workspaces.includes(workspaceSid)) return send(404, twilioError(404, 20404, 'The requested resource was not found'), rate);
      if (params.TaskQueueSid !== undefined && !SID('WQ').test(params.TaskQueueSid)) {
        return send(400, twilioError(400, 20001, 'TaskQueueSid must match ^WQ[0-9a-fA-F]{32}$'), rate);
      }
      const window = requestWindow(params, now);
      if (window.error) return send(400, window.error, rate);

      if (f?.status) return send(f.status, twilioError(f.status, f.status === 429 ? 20429 : 20500, 'Injected fault'), rate);
      const body = JSON.stringify(generateStatistics({ seed: config.seed, workspaceSid, accountSid: config.accountSid, params, window }));
      if (f?.body === 'malformed') return send(200, body.replace('"realtime":', '"realtime"'), rate);
      if (f?.body === 'truncated') return send(200, body.slice(0, Math.floor(body.length / 2)), rate);
      if (f?.body === 'html') {
        res.writeHead(200, { 'Content-Type': 'text/html', ...cors });
        return res.end('<html><body>Sign in to the Wi-Fi</body></html>');
      }
      if (typeof f?.json === 'string') return send(200, f.json, rate);
      return send(200, body, rate);
    };

    const delay = f?.delayMs ?? 0;
    if (delay > 0) setTimeout(respond, delay);
    else respond();
  });
  function control(req, res, url, send) {
    if (req.method === 'OPTIONS') return send(204, '');
    if (url.pathname === '/__mock/requests') return send(200, requests);
    if (url.pathname === '/__mock/reset' && req.method === 'POST') {
      handle.reset();
      return send(200, { ok: true });
    }
    if (url.pathname === '/__mock/faults' && req.method === 'POST') {
      let text = '';
      req.on('data', (c) => { text += c; if (text.length > 65536) req.destroy(); });
      req.on('end', () => {
        try {
          handle.setFaults(text ? JSON.parse(text) : null);
          send(200, { ok: true });
        } catch {
          send(400, { ok: false });
        }
      });
      return undefined;
    }
    return send(404, { ok: false });
  }

  const handle = {
    server,
    requests,
    config,
    url: '',
    setFaults(f) { faults = f; },
    reset() { requests.length = 0; faults = null; used = 0; windowStart = config.now(); },
    /** Statistics requests only (no preflights). */
    statisticsRequests() { return requests.filter((r) => r.method === 'GET'); },
    close() { return new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }); },
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      handle.url = `http://${config.host}:${server.address().port}`;
      resolve(handle);
    });
  });
}

function parseArgs(argv) {
  const o = { workspaces: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--port') o.port = Number(next());
    else if (a === '--host') o.host = next();
    else if (a === '--seed') o.seed = Number(next());
    else if (a === '--account-sid') o.accountSid = next();
    else if (a === '--auth-token') o.authToken = next();
    else if (a === '--no-auth') o.auth = false;
    else if (a === '--workspace') o.workspaces.push(next());
    else if (a === '--rate-limit') o.rateLimit = Number(next());
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.workspaces.length) delete o.workspaces;
  if (o.host && !['127.0.0.1', '::1', 'localhost'].includes(o.host)) throw new Error('the mock listens on loopback only');
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseArgs(process.argv.slice(2));
  const mock = await startMockTaskRouter({ port: 8787, ...options });
  console.log(`mock TaskRouter on ${mock.url} (workspaces: ${mock.config.workspaces.join(', ')}; auth ${mock.config.auth ? 'on' : 'off'})`);
  const stop = () => mock.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
