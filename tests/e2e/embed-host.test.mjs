// A teacher's course page on another origin (a second server, another port) with a strict
// Content-Security-Policy (`default-src 'self'; frame-src <the sandbox>`) embeds a preset of the
// sandbox and a lab experiment with the snippets the two pages' embed tools produce: no console
// error on either side, a frame as tall as the panels the teacher kept (at 760 px), usable at
// 700 px; and with the optional auto-height script, the frame follows its content.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, screenshot, open } from './helpers.mjs';
import { axeViolations, describe } from './axe.mjs';

let site, host, hostDir, browser;
before(async () => {
  site = await serve();
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnsandbox-course-'));
  host = await serve(hostDir);
  browser = await launch({ viewport: { width: 1100, height: 900 } });
});
after(async () => {
  await browser?.close(); await site?.close(); await host?.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});

const origin = () => new URL(site.url).origin;

// A course page whose column is `width` px wide; `csp` false leaves the policy out (a host that
// allows its own inline script); `extra` goes after the snippet.
function writeCoursePage(name, snippet, { width = 760, csp = true, extra = '' } = {}) {
  fs.writeFileSync(path.join(hostDir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  fs.writeFileSync(path.join(hostDir, `course-${width}.css`), `body { margin: 0; font: 16px sans-serif; } main { width: ${width}px; margin: 0 auto; }`);
  const policy = csp ? `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-src ${origin()}">` : '';
  fs.writeFileSync(path.join(hostDir, name), `<!doctype html><html lang="en"><meta charset="utf-8">${policy}
<title>Lesson 4</title><link rel="icon" href="icon.svg"><link rel="stylesheet" href="course-${width}.css">
<main><h1>Lesson 4: watching a network learn</h1><p>Press the play button and watch the boundary.</p>
${snippet}
<p>What did the loss curve do?</p></main>${extra}</html>`);
  return `${host.url}${name}`;
}

// The framed page of `page` served by the sandbox's origin.
async function sandboxFrame(page, pathPrefix = '') {
  await page.waitForFunction((prefix) => [...document.querySelectorAll('iframe')].some((f) => f.src.startsWith(prefix)), `${site.url}${pathPrefix}`);
  for (let i = 0; i < 100; i += 1) {
    const frame = page.frames().find((f) => f.url().startsWith(`${site.url}${pathPrefix}`));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('no sandbox frame');
}

// The sandbox's embed dialog on `hash`, with the panels in `hide` ticked as well: its snippet and
// its auto-height script once the height is measured.
async function sandboxSnippets(page, hash, hide = []) {
  await open(page, `${site.url}${hash}`);
  await page.click('#open-embed');
  for (const panel of hide) await page.check(`#embed-options input[value="${panel}"]`);
  await page.waitForSelector('#embed-dialog[data-measured="true"]', { timeout: 30000 });
  const snippets = { code: await page.inputValue('#embed-code'), script: await page.inputValue('#embed-script') };
  await page.click('#close-embed');
  return snippets;
}

async function trainInFrame(frame, steps) {
  await frame.click('#play');
  await frame.waitForFunction((s) => window.nnsandbox.step >= s, steps, { timeout: 30000 });
  await frame.click('#play');
}

const innerHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

test('the sandbox embed code: no inline style, a title and a language, a height measured at 760 px for the panels kept', async () => {
  const { page, errors } = browser;
  errors.length = 0;
  await open(page, `${site.url}#preset=deep-sigmoid&lang=en`);
  await page.click('#open-embed');
  await page.check('#embed-options input[value="insides"]');
  await page.waitForSelector('#embed-dialog[data-measured="true"]', { timeout: 30000 });
  const withoutInsides = await page.inputValue('#embed-code');
  assert.doesNotMatch(withoutInsides, /\sstyle=/);
  assert.match(withoutInsides, / lang="en" title="NN Sandbox: [^"]+"/);
  const heightOf = (code) => Number(code.match(/ height="(\d+)"/)[1]);
  // Keeping the insides makes the frame taller; hiding the layer cards too makes it shorter again (at
  // 760 px the curves sit beside the taller network column, so hiding them alone changes no height).
  await page.uncheck('#embed-options input[value="insides"]');
  await page.waitForFunction((h) => document.querySelector('#embed-dialog').dataset.measured === 'true'
    && Number(document.querySelector('#embed-code').value.match(/ height="(\d+)"/)[1]) > h + 100, heightOf(withoutInsides), { timeout: 30000 });
  await page.check('#embed-options input[value="insides"]');
  await page.check('#embed-options input[value="builder"]');
  await page.waitForFunction((h) => document.querySelector('#embed-dialog').dataset.measured === 'true'
    && Number(document.querySelector('#embed-code').value.match(/ height="(\d+)"/)[1]) < h, heightOf(withoutInsides), { timeout: 30000 });
  assert.match(await page.textContent('#embed-height'), /Frame height: \d+ px, measured at 760 px/);
  // Back to the first choice: the first height again (within a line of text).
  await page.uncheck('#embed-options input[value="builder"]');
  await page.waitForFunction((h) => document.querySelector('#embed-dialog').dataset.measured === 'true'
    && Math.abs(Number(document.querySelector('#embed-code').value.match(/ height="(\d+)"/)[1]) - h) <= 20, heightOf(withoutInsides), { timeout: 30000 });
  assert.equal((await page.inputValue('#embed-code')).replace(/ height="\d+"/, ''), withoutInsides.replace(/ height="\d+"/, ''));
  await page.click('#embed-dialog summary');
  await screenshot(page, 'embed-dialog');
  await page.click('#close-embed');
  // The measuring frame goes with the dialog.
  assert.equal(await page.locator('iframe.embed-measure').count(), 0);
  assert.deepEqual(errors, []);
});

test('a strict-CSP course page embeds a preset of the sandbox: no console error, the right height, it trains', async () => {
  const { page, errors } = browser;
  errors.length = 0;
  const { code } = await sandboxSnippets(page, '#preset=deep-sigmoid&lang=en', ['insides']);
  const height = Number(code.match(/ height="(\d+)"/)[1]);

  await page.goto(writeCoursePage('sandbox.html', code));
  const frame = await sandboxFrame(page);
  await frame.waitForFunction(() => window.nnsandbox?.ready === true, null, { timeout: 30000 });
  assert.equal(await frame.evaluate(() => window.nnsandbox.settings.preset), 'deep-sigmoid');
  const box = await page.locator('iframe').boundingBox();
  assert.equal(Math.round(box.width), 760);
  assert.equal(Math.round(box.height), height);
  // Everything kept fits in the frame, without a large empty band below it or a sideways scroll.
  const content = await innerHeight(frame);
  assert.ok(content <= height && height - content <= 60, `content ${content} px in a ${height} px frame`);
  assert.ok(await frame.evaluate(() => document.documentElement.scrollWidth <= 760));
  await trainInFrame(frame, 30);
  assert.ok(await innerHeight(frame) <= height, 'still fits after training');
  assert.equal(describe(await axeViolations(frame)), '', 'axe inside the frame');
  await page.setViewportSize({ width: 760, height: 900 });
  await screenshot(page, 'embed-host-760');
  await page.setViewportSize({ width: 1100, height: 900 });
  assert.deepEqual(errors, []);
});

test('a strict-CSP course page embeds a lab experiment: no console error, the right height after it ran', async () => {
  const { page, errors } = browser;
  errors.length = 0;
  await page.goto('about:blank');
  await page.goto(`${site.url}lab.html#exp=preprocessing&epochs=5&lang=en`);
  await page.waitForSelector('#activations[data-ready="true"]', { timeout: 30000 });
  await page.click('#preprocessing .lab-share button[data-lt="lab.share.embed"]');
  const code = await page.inputValue('#preprocessing .lab-share-text');
  assert.doesNotMatch(code, /\sstyle=/);
  assert.match(code, / lang="en" title="NN Sandbox Lab: [^"]+"/);
  const height = Number(code.match(/ height="(\d+)"/)[1]);
  // The lab offers the same optional auto-height script as the sandbox's dialog.
  await page.click('#preprocessing .lab-share button[data-lt="lab.share.script"]');
  assert.match(await page.inputValue('#preprocessing .lab-share-text'), /^<script>[^]*'nnsandbox:height'[^]*<\/script>$/);

  await page.goto(writeCoursePage('lab.html', code));
  const frame = await sandboxFrame(page, 'lab.html');
  await frame.waitForSelector('#preprocessing', { timeout: 30000 });
  await frame.click('#preprocessing .lab-run');
  await frame.waitForSelector('#preprocessing[data-state="done"]', { timeout: 60000 });
  await page.waitForTimeout(300);
  const content = await innerHeight(frame);
  assert.ok(content <= height && height - content <= 120, `content ${content} px in a ${height} px frame`);
  assert.ok(await frame.evaluate(() => document.documentElement.scrollWidth <= 760));
  assert.equal(describe(await axeViolations(frame)), '', 'axe inside the frame');
  await screenshot(page, 'embed-host-lab-760');
  assert.deepEqual(errors, []);
});

test('with the optional auto-height script on the course page, the frame takes its content\'s height and follows it', async () => {
  const { page, errors } = browser;
  errors.length = 0;
  const { code, script } = await sandboxSnippets(page, '#data=xor&lang=en');
  assert.match(script, /^<script>[^]*event\.origin !== "http:\/\/127\.0\.0\.1:\d+"[^]*<\/script>$/);
  // A host that allows its own inline script; the frame starts far too short.
  await page.goto(writeCoursePage('auto.html', code.replace(/ height="\d+"/, ' height="300"'), { csp: false, extra: script }));
  const frame = await sandboxFrame(page);
  await frame.waitForFunction(() => window.nnsandbox?.ready === true, null, { timeout: 30000 });
  const frameHeight = () => page.evaluate(() => Number(document.querySelector('iframe').getAttribute('height')));
  await page.waitForFunction(() => Number(document.querySelector('iframe').getAttribute('height')) > 300);
  await page.waitForTimeout(500);
  assert.ok(Math.abs((await frameHeight()) - (await innerHeight(frame))) <= 2);
  // The framed page shrinks (a panel is hidden through its link): the frame follows.
  const earlier = await frameHeight();
  await frame.evaluate(() => { window.location.hash = `${window.location.hash.slice(1)}&hide=paths,export,presets,insides,curves`; });
  await page.waitForFunction((h) => Number(document.querySelector('iframe').getAttribute('height')) < h - 100, earlier);
  assert.ok(Math.abs((await frameHeight()) - (await innerHeight(frame))) <= 2);
  assert.deepEqual(errors, []);
});

test('the embed stays usable in a 700 px course column: no sideways scroll, play and heatmap within its width, it trains', async () => {
  const { page, errors } = browser;
  errors.length = 0;
  const { code } = await sandboxSnippets(page, '#data=xor&lang=en');
  await page.goto(writeCoursePage('narrow.html', code, { width: 700 }));
  const frame = await sandboxFrame(page);
  await frame.waitForFunction(() => window.nnsandbox?.ready === true, null, { timeout: 30000 });
  assert.ok(await frame.evaluate(() => document.documentElement.scrollWidth <= 700), 'no sideways scroll at 700 px');
  for (const id of ['#play', '#heatmap']) {
    const inside = await frame.evaluate((sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= 700; }, id);
    assert.ok(inside, `${id} inside the 700 px frame`);
  }
  await trainInFrame(frame, 10);
  await page.setViewportSize({ width: 700, height: 900 });
  await screenshot(page, 'embed-host-700');
  await page.setViewportSize({ width: 1100, height: 900 });
  assert.deepEqual(errors, []);
});
