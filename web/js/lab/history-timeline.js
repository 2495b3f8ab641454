// Experiment 7: a history timeline. Each step is a year, a short sentence and links to the
// experiments that show it (timeline-steps.js); a step with no experiment yet says so.

import { el } from '../views/dom.js';
import { createSection } from './section.js';
import { TIMELINE_STEPS, stepHref, stepLinkTitleKey } from './timeline-steps.js';
import { t, onLanguageChange } from '../i18n/i18n.js';

export function mountHistoryTimeline(parent) {
  const section = createSection({ id: 'history', number: 7, titleKey: 'lab.history.title', introKeys: ['lab.history.intro'] });
  section.controls.hidden = true;  // nothing to set: the links are the experiments
  const list = el('ol', { class: 'timeline' });
  section.output.append(list);
  parent.append(section.element);

  function render() {
    list.replaceChildren(...TIMELINE_STEPS.map((step) => {
      const links = step.links.map((link) => el('li', {},
        el('span', { class: 'timeline-kind' }, t(link.kind === 'lab' ? 'lab.history.inLab' : 'lab.history.inSandbox')), ' ',
        el('a', { href: stepHref(link), 'data-kind': link.kind, 'data-target': link.id }, t(stepLinkTitleKey(link)))));
      return el('li', { class: 'timeline-step', 'data-step': step.id },
        el('span', { class: 'timeline-year' }, step.year),
        el('div', { class: 'timeline-body' },
          el('h3', {}, t(`lab.history.${step.id}.title`)),
          el('p', {}, t(`lab.history.${step.id}.text`)),
          step.noExperiment
            ? el('p', { class: 'hint timeline-none' }, t(`lab.history.${step.id}.none`))
            : el('ul', { class: 'timeline-links' }, ...links)));
    }));
    section.element.dataset.ready = 'true';
  }

  onLanguageChange(render);
  render();
  return { element: section.element, fields: [] };
}
