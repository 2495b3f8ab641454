// The history timeline's steps, as data: a year, the i18n keys of its title and sentence, and the
// experiments that show it: a sandbox preset (web/js/lessons/presets.js id; a comparison preset
// opens compare mode), the sandbox's backprop stepper on a preset's small net, or a lab section (its
// element id). A step with no experiment says so in its own words (noExperimentKey) rather than
// pointing at something unrelated. tests/e2e/lab-timeline.test.mjs opens every link.

// Lab sections and the i18n key of their titles (the link text).
export const LAB_SECTION_TITLES = {
  activations: 'lab.gallery.title', softmax: 'lab.softmax.title', 'init-histograms': 'lab.hist.title',
  'init-training': 'lab.initTrain.title',
  'optimizer-mnist': 'lab.opt.title', batchnorm: 'lab.bn.title', overfit: 'lab.overfit.title',
  'random-search': 'lab.rs.title', preprocessing: 'lab.pre.title', 'loss-targets': 'lab.loss.title',
  'dropout-ensemble': 'lab.dropEns.title', 'grid-search': 'lab.gridSearch.title',
};

const preset = (id) => ({ kind: 'preset', id });
const lab = (id) => ({ kind: 'lab', id });
// The sandbox's step-by-step backpropagation on a preset's small net, traced on training example 0.
const stepper = (id) => ({ kind: 'stepper', id });

export const TIMELINE_STEPS = [
  { id: 'perceptron', year: '1958', links: [preset('xor-21')] },
  { id: 'xor', year: '1969', links: [preset('xor-21'), preset('xor-221'), preset('xor-feature')] },
  { id: 'backprop', year: '1986', links: [stepper('xor-221'), preset('xor-221'), lab('loss-targets')] },
  { id: 'vanishing', year: '1991', links: [preset('compare-sigmoid-relu'), preset('deep-sigmoid'), lab('activations')] },
  { id: 'pretraining', year: '2006', links: [], noExperiment: true },
  { id: 'relu', year: '2010', links: [preset('deep-relu'), preset('dying-relu-lr'), lab('activations')] },
  { id: 'init', year: '2010, 2015', links: [lab('init-histograms'), lab('init-training'), preset('compare-init'), preset('deep-relu')] },
  { id: 'dropout', year: '2012, 2014', links: [lab('dropout-ensemble'), lab('overfit'), preset('compare-dropout')] },
  { id: 'random-search', year: '2012', links: [lab('grid-search'), lab('random-search')] },
  { id: 'adam-bn', year: '2014, 2015', links: [lab('optimizer-mnist'), lab('batchnorm'), preset('compare-sgd-adam'), preset('compare-batchnorm'), preset('bn-off'), preset('bn-on')] },
];

// Where a link goes: the sandbox with the preset loaded, or this page's section.
export function stepHref(link) {
  if (link.kind === 'stepper') return `index.html#preset=${encodeURIComponent(link.id)}&bp=0`;
  return link.kind === 'preset' ? `index.html#preset=${encodeURIComponent(link.id)}` : `#${link.id}`;
}

export function stepLinkTitleKey(link) {
  if (link.kind === 'stepper') return 'backprop.title';
  return link.kind === 'preset' ? `preset.${link.id}.title` : LAB_SECTION_TITLES[link.id];
}
