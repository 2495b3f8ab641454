// localStorage that never throws: in a sandboxed or third-party iframe merely touching
// window.localStorage can raise a SecurityError, and the page must still work there.

export function readStored(key) {
  try { return window.localStorage.getItem(key); } catch { return null; }
}

export function writeStored(key, value) {
  try { window.localStorage.setItem(key, value); return true; } catch { return false; }
}
