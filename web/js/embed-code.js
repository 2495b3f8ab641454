// The iframe snippet a teacher pastes into a course page, for the sandbox and for a Lab experiment.
// It is built as text (never through the DOM or innerHTML), so every attribute value is escaped
// here: a title or URL holding quotes or angle brackets stays inside its attribute.

export function escapeAttribute(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
    .replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// allow-same-origin: the module worker and its wasm/data fetches need our own origin (the iframe
// still cannot reach the host page: that is another origin). allow-downloads: model JSON, PNG and
// CSV exports. allow-popups and allow-popups-to-escape-sandbox: "Open the full page" opens a
// normal, unsandboxed tab.
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox';

export function iframeCode({ src, title, height }) {
  const attrs = [['src', src], ['width', '100%'], ['height', String(height)], ['style', 'border:0;max-width:100%'],
    ['loading', 'lazy'], ['title', title], ['sandbox', EMBED_SANDBOX]];
  return `<iframe ${attrs.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')}></iframe>`;
}
