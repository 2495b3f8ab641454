// Offline use: registers the service worker (web/sw.js) that keeps a copy of the site after the
// first visit. Where service workers are unavailable or refused (an old browser, a file:// page,
// a sandboxed frame without its own origin, a host whose browser blocks third-party storage) the
// page simply stays online-only: nothing is reported, nothing else changes.

export function registerOffline() {
  try {
    if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register(new URL('../sw.js', import.meta.url)).catch(() => {});
  } catch {
    // Reading navigator.serviceWorker throws in a sandboxed frame without allow-same-origin.
  }
}
