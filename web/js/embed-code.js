// The iframe snippet a teacher pastes into a course page, for the sandbox and for a Lab experiment,
// and the optional script that lets the host page give each frame the height of its content.
// Both are built as text (never through the DOM or innerHTML), so every attribute value is escaped
// here: a title or URL holding quotes or angle brackets stays inside its attribute.
//
// The snippet must work on a host page with a strict Content-Security-Policy
// (`default-src 'self'; frame-src <this site>`): it has no inline `style` (such a policy refuses
// it) and sizes the frame with the width and height attributes instead.

export function escapeAttribute(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
    .replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// allow-same-origin: the module worker and its wasm/data fetches need our own origin (the iframe
// still cannot reach the host page: that is another origin). allow-downloads: model JSON, PNG and
// CSV exports. allow-popups and allow-popups-to-escape-sandbox: "Open the full page" opens a
// normal, unsandboxed tab.
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox';

// The message an embedded page posts to its parent whenever its content height changes
// (web/js/embed-height.js): { type: HEIGHT_MESSAGE, height: <CSS pixels, an integer> }.
export const HEIGHT_MESSAGE = 'nnsandbox:height';

// lang: the language of the framed page (BCP 47), so a screen reader reads its title correctly.
// frameborder="0" is the attribute form of `border: 0`: obsolete in HTML, still honoured by every
// browser, and allowed by any CSP, where an inline style is not.
export function iframeCode({ src, title, height, lang = 'en' }) {
  const attrs = [['src', src], ['width', '100%'], ['height', String(Math.round(height))], ['frameborder', '0'],
    ['loading', 'lazy'], ['lang', lang], ['title', title], ['sandbox', EMBED_SANDBOX]];
  return `<iframe ${attrs.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')}></iframe>`;
}

// The host page's side of the auto-height: a classic script (no modules, no arrow functions, so it
// runs on old course platforms) that accepts the height message only from `origin` and only from a
// frame of the page, and sets that frame's height attribute (not a style: a strict policy on
// style-src still allows it). The height is clamped, so a faulty page cannot make a frame vanish
// or grow without end. A host with a strict script-src can put the inside of <script> in a file.
export function autoHeightScript(origin) {
  const quotedOrigin = JSON.stringify(String(origin)).replace(/</g, '\\u003c');
  return `<script>
/* NN Sandbox: each sandbox frame takes the height of its content. */
window.addEventListener('message', function (event) {
  var data = event.data;
  if (event.origin !== ${quotedOrigin} || !data || data.type !== '${HEIGHT_MESSAGE}') return;
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow === event.source) frames[i].height = String(Math.min(10000, Math.max(150, Math.round(Number(data.height) || 0))));
  }
});
</script>`;
}

// A frame height from a measured content height: `slack` px of room for what grows later, rounded up
// to 10 px.
export function frameHeight(measured, slack) {
  return Math.ceil((measured + slack) / 10) * 10;
}
