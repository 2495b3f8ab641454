// How tall the sandbox is inside a course page EMBED_WIDTH px wide with the panels a teacher kept:
// a hidden frame of that width loads the embed link and reports its content height with the same
// message the auto-height uses (embed-height.js). The frame exists only while the embed dialog is
// open; a change of the hidden panels changes only its hash, which the framed page applies in place.
// A height counts once the framed page has its first run (the diagram and charts are drawn) and
// its fonts, and no new height came for SETTLE_MS.

import { HEIGHT_MESSAGE } from '../embed-code.js';
import { el } from './dom.js';

export const EMBED_WIDTH = 760;
const SETTLE_MS = 600;

// onHeight(height): called with each settled height.
export function createEmbedMeasure(onHeight) {
  let frame = null;
  let latest = null;
  let timer = 0;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Same origin: the framed page's readiness can be read directly. Its formulas change height
      // when their fonts arrive.
      const win = frame?.contentWindow;
      if (!win?.nnsandbox?.ready || win.document.fonts.status !== 'loaded') { settle(); return; }
      onHeight(latest);
    }, SETTLE_MS);
  };
  const listener = (event) => {
    if (!frame || event.source !== frame.contentWindow || event.data?.type !== HEIGHT_MESSAGE) return;
    latest = event.data.height;
    settle();
  };
  return {
    measure(url) {
      // The same frame, another hash: if the height does not change, no message comes; the last
      // one then stands once the page had time to apply the hash.
      if (frame) { frame.src = url; settle(); return; }
      frame = el('iframe', { class: 'embed-measure', width: EMBED_WIDTH, height: 600, tabindex: '-1', 'aria-hidden': 'true', inert: true });
      window.addEventListener('message', listener);
      frame.src = url;
      document.body.append(frame);
    },
    stop() {
      clearTimeout(timer);
      window.removeEventListener('message', listener);
      frame?.remove();
      frame = null;
      latest = null;
    },
  };
}
