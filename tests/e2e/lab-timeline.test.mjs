// The lab's history timeline: every step is shown, in order, and every link opens what it names:
// a sandbox link loads the preset it is titled with, a lab link scrolls to the section of that title.
// A step without an experiment says so and links nowhere.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitReady, openLabSection } from './helpers.mjs';
import { TIMELINE_STEPS, LAB_SECTION_TITLES } from '../../web/js/lab/timeline-steps.js';
import { PRESET_BY_ID } from '../../web/js/lessons/presets.js';
import en from '../strings/en.mjs';
import ko from '../strings/ko.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch({ viewport: { width: 1093, height: 600 } });
});
after(async () => { await browser?.close(); await server?.close(); });

const openTimeline = (page, lang = 'en') => openLabSection(page, server.url, `#exp=history&lang=${lang}`, 'history');

async function readLinks(page) {
  return page.locator('#history .timeline-links a').evaluateAll((links) => links.map((a) => ({
    step: a.closest('[data-step]').dataset.step, kind: a.dataset.kind, id: a.dataset.target, text: a.textContent, href: a.getAttribute('href'),
  })));
}

test('the timeline shows its ten steps in order, with the years the text gives, in English and Korean', async () => {
  const { page, errors } = browser;
  for (const [lang, table] of [['en', en], ['ko', ko]]) {
    await openTimeline(page, lang);
    const steps = await page.locator('#history .timeline-step').evaluateAll((items) => items.map((li) => ({
      id: li.dataset.step, year: li.querySelector('.timeline-year').textContent, title: li.querySelector('h3').textContent, text: li.querySelector('p').textContent })));
    assert.deepEqual(steps.map((s) => s.id), ['perceptron', 'xor', 'backprop', 'vanishing', 'pretraining', 'relu', 'init', 'dropout', 'random-search', 'adam-bn']);
    for (const step of steps) {
      assert.equal(step.title, table[`lab.history.${step.id}.title`]);
      // Every year in the step's year column appears in its sentence.
      for (const year of step.year.split(', ')) assert.match(step.text, new RegExp(year), `${lang} ${step.id} ${year}`);
    }
    // The exact years the brief asks for.
    const years = Object.fromEntries(steps.map((s) => [s.id, s.year]));
    assert.equal(years.pretraining, '2006');
    assert.equal(years.init, '2010, 2015');
    assert.equal(years['adam-bn'], '2014, 2015');
    assert.match(steps.find((s) => s.id === 'init').text, /Xavier[^]*2010|2010[^]*Xavier/);
    // RBM pre-training has no experiment: it says so and links nowhere.
    const none = page.locator('#history [data-step="pretraining"]');
    assert.equal(await none.locator('a').count(), 0);
    assert.equal(await none.locator('.timeline-none').textContent(), table['lab.history.pretraining.none']);
  }
  assert.deepEqual(errors, []);
});

test('every lab link of the timeline opens the section it names', async () => {
  const { page, errors } = browser;
  await openTimeline(page);
  const links = (await readLinks(page)).filter((l) => l.kind === 'lab');
  assert.ok(links.length >= 5);
  for (const link of links) {
    await page.locator(`#history [data-step="${link.step}"] a[data-target="${link.id}"]`).click();
    await page.waitForFunction((id) => window.location.hash === `#${id}`, link.id);
    const title = page.locator(`section#${link.id} .lab-title [data-i18n]`);
    assert.equal(await title.count(), 1, link.id);
    assert.equal(await title.textContent(), link.text, link.id);
    assert.equal(await page.locator(`section#${link.id}`).isVisible(), true);
    // Scrolled to its top (less its 12 px scroll margin), or as far as the page goes.
    const { top, atEnd } = await page.locator(`section#${link.id}`).evaluate((s) => ({
      top: s.getBoundingClientRect().top,
      atEnd: Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1 }));
    assert.ok(Math.abs(top - 12) < 2 || (atEnd && top >= 0 && top < 600), `${link.id} scrolled into view (top ${top})`);
  }
  assert.deepEqual(errors, []);
});

test('every sandbox link of the timeline loads the preset it names', async () => {
  const { page, errors } = browser;
  await openTimeline(page);
  const links = (await readLinks(page)).filter((l) => l.kind === 'preset');
  const ids = [...new Set(links.map((l) => l.id))];
  assert.ok(ids.length >= 7);
  // Every link names its preset by the preset's own title.
  for (const link of links) {
    assert.ok(PRESET_BY_ID[link.id], link.id);
    assert.equal(link.text, en[`preset.${link.id}.title`]);
  }
  for (const id of ids) {
    const link = links.find((l) => l.id === id);
    await page.goto('about:blank');
    await page.goto(new URL(link.href, `${server.url}lab.html`).href);
    await waitReady(page);
    await page.waitForFunction((want) => window.nnsandbox.settings.preset === want, id);
    assert.equal(await page.inputValue('#preset-select'), id);
    assert.equal(await page.locator('#preset-select option:checked').textContent(), link.text);
  }
  assert.deepEqual(errors, []);
});

test('the backprop step\'s stepper link opens the sandbox\'s step-by-step backpropagation on a 2-2-1 net', async () => {
  const { page, errors } = browser;
  await openTimeline(page);
  const links = (await readLinks(page)).filter((l) => l.kind === 'stepper');
  assert.deepEqual(links.map((l) => [l.step, l.id, l.text]), [['backprop', 'xor-221', en['backprop.title']]]);
  await page.goto(new URL(links[0].href, `${server.url}lab.html`).href);
  await waitReady(page);
  await page.waitForSelector('#backprop-stepper .backprop-stepping:not([hidden])');
  assert.equal(await page.inputValue('#backprop-example'), '0');
  assert.equal(await page.inputValue('#preset-select'), 'xor-221');
  assert.deepEqual(errors, []);
});

test('the steps\' data names only existing presets and lab sections', () => {
  for (const step of TIMELINE_STEPS) {
    for (const link of step.links) {
      if (link.kind === 'preset' || link.kind === 'stepper') assert.ok(PRESET_BY_ID[link.id], link.id);
      else assert.ok(en[LAB_SECTION_TITLES[link.id]] && ko[LAB_SECTION_TITLES[link.id]], link.id);
    }
    assert.equal(Boolean(step.noExperiment), step.links.length === 0, step.id);
  }
});
