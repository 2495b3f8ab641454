// Splits a URL hash into its name=value entries, for the sandbox's links and the lab's (both in
// state/url.js). Each reader judges the entries itself; this only undoes the encoding.

// The hash without its leading '#'.
export function hashText(hash) {
  const text = String(hash || '');
  return text.startsWith('#') ? text.slice(1) : text;
}

// "a=1&b=x+y" -> entries [['a', '1'], ['b', 'x y']] ('+' reads as a space, as in a form). A part
// whose percent-encoding is broken goes to `broken` as { name, part } (raw text) for the caller to
// report; empty parts are skipped.
export function splitEntries(text) {
  const entries = [];
  const broken = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    try {
      entries.push([decodeURIComponent(rawName), decodeURIComponent(rawValue.replace(/\+/g, ' '))]);
    } catch {
      broken.push({ name: rawName, part });
    }
  }
  return { entries, broken };
}
