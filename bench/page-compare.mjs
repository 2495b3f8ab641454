// Page benchmark: compare mode with two 8x64 networks (8 hidden layers of 64 units, A ReLU and B
// tanh), each training in its own worker in lockstep, in headless Chromium: the frame rate the
// learner sees and the steps per second of each run, at the fastest and the normal speed; and one
// 8x64 run alone for reference. Prints figures, asserts nothing.
// Usage: node bench/page-compare.mjs [seconds]   (needs a built site: ./build-wasm.sh build)
import { launch, serve } from '../tests/e2e/helpers.mjs';
import { countFrames } from './page-frames.mjs';

const seconds = Number(process.argv[2] || 8);
const net = (activation, init) => Array.from({ length: 8 }, () => `64:${activation}:${init}`).join(',');
const BASE = `#data=circles&layers=${net('relu', 'he_normal')}&opt=adam&lr=0.003`;
const COMPARE = `${BASE}&cmp=1&b.layers=${net('tanh', 'xavier_uniform')}`;

// Trains for `seconds` from a fresh page at `hash`; returns frames per second, the longest gap
// between frames and the steps per second of run A and (in compare mode) run B.
async function measure(page, url, compare) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction((c) => window.nnsandbox?.ready === true && (!c || window.nnsandbox.compareB?.ready === true), compare, { timeout: 30000 });
  const steps = () => page.evaluate(() => [window.nnsandbox.step, window.nnsandbox.compareB?.step ?? 0]);
  const before = await steps();
  await page.click('#play');
  const { frames: count, worstGap, elapsed } = await countFrames(page, seconds * 1000);
  const after = await steps();
  await page.click('#play');
  const perSecond = (i) => ((after[i] - before[i]) / (elapsed / 1000)).toFixed(0);
  return { fps: (count / (elapsed / 1000)).toFixed(1), worstGap: worstGap.toFixed(0), a: perSecond(0), b: perSecond(1) };
}

const server = await serve();
const browser = await launch({ viewport: { width: 1366, height: 768 } });
try {
  console.log(`Compare mode, two 8x64 nets on circles (A ReLU, B tanh; Adam, batch 10), ${seconds} s each, headless Chromium`);
  for (const speed of [5, 3]) {
    const r = await measure(browser.page, `${server.url}${COMPARE}&speed=${speed}`, true);
    console.log(`  speed ${speed}: ${r.fps} frames/s (longest gap ${r.worstGap} ms); run A ${r.a} steps/s, run B ${r.b} steps/s`);
  }
  const alone = await measure(browser.page, `${server.url}${BASE}&speed=5`, false);
  console.log(`  one 8x64 run alone, speed 5: ${alone.fps} frames/s (longest gap ${alone.worstGap} ms); ${alone.a} steps/s`);
} finally {
  await browser.close();
  await server.close();
}
