// How tall the sandbox is inside a course page EMBED_WIDTH px wide with the panels a teacher kept:
// a hidden frame of that width loads the embed link and reports its content height with the same
// message the auto-height uses (embed-height.js). The frame exists only while the embed dialog is
// open; a change of the hidden panels changes only its hash, which the framed page applies in place.

import { HEIGHT_MESSAGE } from '../embed-code.js';
import { el } from './dom.js';

export const EMBED_WIDTH = 760;

// onHeight(height): called with each height the framed page reports.
export function createEmbedMeasure(onHeight) {
  let frame = null;
  const listener = (event) => {
    if (frame && event.source === frame.contentWindow && event.data?.type === HEIGHT_MESSAGE) onHeight(event.data.height);
  };
  return {
    measure(url) {
      if (frame) { frame.src = url; return; }
      frame = el('iframe', { class: 'embed-measure', width: EMBED_WIDTH, height: 600, tabindex: '-1', 'aria-hidden': 'true', inert: true });
      window.addEventListener('message', listener);
      frame.src = url;
      document.body.append(frame);
    },
    stop() {
      window.removeEventListener('message', listener);
      frame?.remove();
      frame = null;
    },
  };
}
