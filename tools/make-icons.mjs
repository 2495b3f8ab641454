// Renders the app icons of the web app manifest (web/manifest.webmanifest) from web/favicon.svg
// with the test browser (Debian's Chromium): 192 and 512 px, and a 512 px "maskable" one whose
// picture sits inside the safe circle that launchers may crop to. The PNGs are committed; run this
// again only when the favicon changes.
// Usage: node tools/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/helpers.mjs';

const WEB = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'web');
const svg = fs.readFileSync(path.join(WEB, 'favicon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage();
async function render(name, size, { maskable = false } = {}) {
  await page.setViewportSize({ width: size, height: size });
  // Maskable: a full square of the background colour, the favicon at 70 % in the middle.
  const inner = maskable ? Math.round(size * 0.7) : size;
  await page.setContent(`<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? '#1f3a5f' : 'transparent'}">
    <img src="${dataUrl}" width="${inner}" height="${inner}"></body>`);
  await page.screenshot({ path: path.join(WEB, 'icons', name), omitBackground: !maskable });
}
fs.mkdirSync(path.join(WEB, 'icons'), { recursive: true });
await render('icon-192.png', 192);
await render('icon-512.png', 512);
await render('icon-maskable-512.png', 512, { maskable: true });
await browser.close();
