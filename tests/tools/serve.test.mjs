// tools/serve.mjs, the static server of `./build-wasm.sh serve` and the browser tests:
// it serves only files under its folder and survives hostile request paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';

let server, base, tmp;

before(async () => {
  // A served folder "web" beside a private sibling whose name starts with the same letters.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnsandbox-serve-'));
  fs.mkdirSync(path.join(tmp, 'web'));
  fs.mkdirSync(path.join(tmp, 'web-private'));
  fs.writeFileSync(path.join(tmp, 'web', 'index.html'), '<p>public</p>');
  fs.writeFileSync(path.join(tmp, 'web-private', 'secret.txt'), 'secret');
  server = await startServer(path.join(tmp, 'web'), 0);
  base = { host: '127.0.0.1', port: server.address().port };
});

after(() => {
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// A raw request path, sent as is (fetch would normalise it).
function get(rawPath) {
  return new Promise((resolve, reject) => {
    const request = http.get({ ...base, path: rawPath }, (response) => {
      let body = '';
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('error', reject);
  });
}

test('serves the folder and its index.html', async () => {
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.equal(page.body, '<p>public</p>');
});

test('an encoded ../ to a sibling folder sharing the prefix is refused', async () => {
  for (const attempt of ['/..%2Fweb-private/secret.txt', '/..%2f..%2fweb-private%2fsecret.txt', '/%2E%2E/web-private/secret.txt']) {
    const response = await get(attempt);
    assert.notEqual(response.status, 200, attempt);
    assert.ok(!response.body.includes('secret'), attempt);
  }
});

test('a NUL byte in the path is a bad request, and the server keeps serving', async () => {
  for (const attempt of ['/%00', '/index.html%00.png', '/a/%00/b']) {
    assert.equal((await get(attempt)).status, 400, attempt);
  }
  assert.equal((await get('/index.html')).status, 200);
});
