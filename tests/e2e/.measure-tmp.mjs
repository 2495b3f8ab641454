import { serve, launch, open } from './helpers.mjs';
const dir = process.argv[2];
const server = await serve(dir);
const browser = await launch();
const { page } = browser;
const r = (s) => page.locator(s).first().evaluate((n) => { const b = n.getBoundingClientRect(); return `${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}x${Math.round(b.height)}`; }).catch(() => 'n/a');
for (const [w, h] of [[1024, 600], [1093, 600], [1280, 720], [1366, 768], [1440, 900], [390, 844], [820, 1180]]) {
  await page.setViewportSize({ width: w, height: h });
  await open(page, server.url);
  await page.waitForTimeout(300);
  const out = [];
  for (const s of ['#play', '#heatmap', '#loss-chart', '#network-diagram', '#dataset-picker', '.layer-card .icon-button', '#paths-canvas', '#paths-controls']) out.push(`${s}=${await r(s)}`);
  const pw = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`${w}x${h} pageH=${pw} ${out.join(' | ')}`);
}
await browser.close(); await server.close();
