// Page benchmark: the main thread's longest task while a 5x100 network trains
// in the worker (Chromium's Long Tasks API reports every task over 50 ms), plus
// the frame rate and training speed the learner sees. Prints figures, asserts nothing.
// Usage: node bench/page-longtask.mjs [seconds]   (needs a built site: ./build-wasm.sh build)
import { launch, serve } from '../tests/e2e/helpers.mjs';
import { countFrames } from './page-frames.mjs';

const seconds = Number(process.argv[2] || 8);
const server = await serve();
const browser = await launch();
try {
  const { page } = browser;
  const layers = Array.from({ length: 5 }, () => '100:relu:he_normal').join(',');
  await page.goto(`${server.url}#data=spiral&n=1000&layers=${layers}&speed=5&lr=0.003`);
  await page.waitForFunction(() => window.nnsandbox?.ready === true, null, { timeout: 30000 });
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
  });
  const startStep = await page.evaluate(() => window.nnsandbox.step);
  await page.click('#play');
  const result = { ...await countFrames(page, seconds * 1000), longTasks: await page.evaluate(() => window.__longTasks.slice()) };
  await page.click('#play');
  const endStep = await page.evaluate(() => window.nnsandbox.step);
  const longest = result.longTasks.length ? Math.max(...result.longTasks) : 0;
  console.log(`5x100 ReLU on spiral (1000 points, batch 10), ${seconds} s of training in headless Chromium`);
  console.log(`  main-thread long tasks (> 50 ms): ${result.longTasks.length}, longest ${longest.toFixed(0)} ms`);
  console.log(`  frames: ${(result.frames / (result.elapsed / 1000)).toFixed(1)} per second, longest gap between frames ${result.worstGap.toFixed(0)} ms`);
  console.log(`  training: ${endStep - startStep} steps, ${((endStep - startStep) / (result.elapsed / 1000)).toFixed(0)} steps/s in the worker`);
} finally {
  await browser.close();
  await server.close();
}
