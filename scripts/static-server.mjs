#!/usr/bin/env node
// A static file server for the built site, on loopback, for the demo and
// the browser tests. It can mount the site under a sub-path (to prove the
// widget has no absolute URLs) and send a Content-Security-Policy.
//
// CLI: node scripts/static-server.mjs DIR [--port 8080] [--prefix /widgets/]
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// A policy the widget must live with: no inline scripts or styles, no eval;
// wasm compilation allowed. connect-src is widened per server for the mock.
export function strictCsp(connectSources = []) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${connectSources.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function startStaticServer({ root, port = 0, host = '127.0.0.1', prefix = '/', csp = null, extraRoutes = {} }) {
  const base = prefix.endsWith('/') ? prefix : prefix + '/';
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://static');
    if (extraRoutes[url.pathname]) {
      const { type, body } = extraRoutes[url.pathname];
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      return res.end(body);
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      const body = await fs.readFile(file);
      const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' };
      if (csp && headers['Content-Type'].startsWith('text/html')) headers['Content-Security-Policy'] = csp;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve({
        server,
        url: `http://${host}:${server.address().port}${base}`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const root = args[0];
  const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
  if (!root) {
    console.error('usage: static-server.mjs DIR [--port 8080] [--prefix /]');
    process.exit(2);
  }
  const s = await startStaticServer({ root, port: Number(opt('--port', 8080)), prefix: opt('--prefix', '/') });
  console.log(`static site ${root} on ${s.url}`);
}
