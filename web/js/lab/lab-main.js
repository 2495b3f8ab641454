// Lab page entry point: language (shared with the main page), the workers that own the engine,
// and the experiments, each mounted as one section. Nothing trains on this thread.

import './lab-strings.js';
import { t, setLanguage, initialLanguage, language, onLanguageChange, applyTranslations } from '../i18n/i18n.js';
import { $ } from '../views/dom.js';
import { createMessages } from '../views/messages.js';
import { createWorkerPool } from '../worker-pool.js';
import { loadImageFiles } from './image-files.js';
import { IMAGE_COUNT } from './specs.js';
import { mountActivationGallery } from './activation-gallery.js';
import { mountSoftmaxOverflow } from './softmax-overflow.js';
import { mountInitHistograms } from './init-histograms.js';
import { mountInitTraining } from './init-training.js';
import { mountOptimizerMnist } from './optimizer-mnist.js';
import { mountBatchnorm } from './batchnorm.js';
import { mountOverfit } from './overfit.js';
import { mountRandomSearch } from './random-search.js';
import { mountDropoutEnsemble } from './dropout-ensemble.js';
import { mountGridSearch } from './grid-search.js';
import { mountPreprocessing } from './preprocessing.js';
import { mountLossTargets } from './loss-targets.js';
import { mountHistoryTimeline } from './history-timeline.js';
import { addLabShareTools } from '../views/share.js';
import { syncLabLink } from './lab-link-sync.js';
import { postHeightToParent } from '../embed-height.js';
import { registerOffline } from '../offline.js';
import { DELAY_MS, debounced } from '../scheduling.js';

const messages = createMessages($('#messages'));
let flavor = null;

// A link (or an embedding page) may force the language with #lang=ko, like the main page's links.
const hashLang = new URLSearchParams(window.location.hash.slice(1)).get('lang');

function relabelPage() {
  applyTranslations(document);
  document.title = t('lab.pageTitle');
  $('#data-note').textContent = t('lab.dataNote', { count: IMAGE_COUNT });
  if (flavor) $('#flavor').textContent = t('lab.engine', { flavor: flavor === 'simd' ? 'WebAssembly SIMD' : 'WebAssembly baseline' });
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === language()));
}
onLanguageChange(relabelPage);

const workers = createWorkerPool({
  onReady(name) { flavor = name; relabelPage(); document.body.dataset.engine = 'ready'; },
  onFatal(detail) { messages.show('error', t('lab.fatal', { detail }), 'fatal'); },
  loadImages: loadImageFiles,
});

// The language first, so the sections are built in it and a link's problems are reported in it.
await setLanguage(initialLanguage(hashLang), { remember: false });

const parent = $('#lab-sections');
const gallery = mountActivationGallery(parent, workers);
const softmax = mountSoftmaxOverflow(parent, workers);
const histograms = mountInitHistograms(parent, workers);
const views = [gallery, softmax, histograms, mountInitTraining(parent, workers),
  mountOptimizerMnist(parent, workers), mountBatchnorm(parent, workers), mountOverfit(parent, workers),
  mountRandomSearch(parent, workers), mountDropoutEnsemble(parent, workers), mountGridSearch(parent, workers),
  mountPreprocessing(parent, workers)];
const lossTargets = mountLossTargets(parent, workers);
views.push(lossTargets, mountHistoryTimeline(parent));
for (const view of views) addLabShareTools(view);

for (const button of document.querySelectorAll('[data-lang]')) button.addEventListener('click', () => setLanguage(button.dataset.lang));
relabelPage();

// Before the first computations, so the cheap experiments already show a link's settings.
const { shown, embedded } = syncLabLink(views, messages);

// The cheap experiments show their result straight away; trainings wait for Run.
const firstResults = Promise.allSettled([gallery.draw(), softmax.compute(), histograms.start(), lossTargets.compute()]);

// A link to one experiment scrolls to it; once more after the sections above it got their final
// height (charts, formulas), unless the learner has started scrolling by then.
if (shown && !embedded) {
  let moved = false;
  for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown']) window.addEventListener(type, () => { moved = true; }, { once: true, passive: true });
  shown.element.scrollIntoView();
  firstResults.then(() => { if (!moved) shown.element.scrollIntoView(); });
}

// Inside a course page: the frame's content height for the host's optional auto-height script;
// and a copy of the site for the next visit without a network.
postHeightToParent();
registerOffline();

// The charts take the new window size once a resize has paused.
const relayout = debounced(DELAY_MS.relayout, () => { for (const view of views) view.resize?.(); });
window.addEventListener('resize', () => relayout.schedule());
