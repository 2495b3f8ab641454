// A minimal static file server for the sandbox (no dependencies).
// Usage: node tools/serve.mjs DIR [PORT]   -- serves on 127.0.0.1 only.
// Port 0 picks a free port; the chosen URL is printed as "Serving http://127.0.0.1:PORT/".
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

export function startServer(rootDir, port = 0, host = '127.0.0.1') {
  const root = path.resolve(rootDir);
  const server = http.createServer((req, res) => {
    let pathname;
    try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400); res.end(); return; }
    // A NUL byte makes every fs call throw (ERR_INVALID_ARG_VALUE), which would kill the server.
    if (pathname.includes('\0')) { res.writeHead(400); res.end(); return; }
    let file = path.join(root, pathname);
    // Inside root means root itself or below root + separator: a bare prefix test would let
    // "/..%2Fweb-private/x" through to the sibling folder "web-private".
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'web', port = '8080'] = process.argv.slice(2);
  const server = await startServer(dir, Number(port));
  console.log(`Serving http://127.0.0.1:${server.address().port}/`);
}
