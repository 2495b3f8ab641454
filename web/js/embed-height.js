// Auto-height for embeds: a page shown in a frame posts the height of its content to the parent
// whenever it changes, as { type: 'nnsandbox:height', height } (see embed-code.js, which also
// writes the host page's listener). The height is not secret, so any parent may read it ('*');
// nothing is read from or done to the host page. Outside a frame this does nothing.

import { HEIGHT_MESSAGE } from './embed-code.js';

// The content height: the root element's box, which unlike scrollHeight does not grow to the
// frame's own height, so the frame can shrink again when panels close.
export function contentHeight(doc = document) {
  return Math.ceil(doc.documentElement.getBoundingClientRect().height);
}

export function postHeightToParent(win = window) {
  if (win.parent === win) return;
  let sent = -1;
  let frame = 0;
  const send = () => {
    frame = 0;
    const height = contentHeight(win.document);
    if (Math.abs(height - sent) < 2) return;
    sent = height;
    win.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  const schedule = () => { if (!frame) frame = win.requestAnimationFrame(send); };
  const observer = new win.ResizeObserver(schedule);
  observer.observe(win.document.documentElement);
  win.addEventListener('load', schedule);
  schedule();
}
