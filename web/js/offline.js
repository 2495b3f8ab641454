// Offline use: registers the service worker (web/sw.js) that keeps a copy of the site after the
// first visit. Where service workers are unavailable or refused (an old browser, a file:// page,
// a sandboxed frame without its own origin, a host whose browser blocks third-party storage) the
// page simply stays online-only: nothing is reported, nothing else changes.
//
// The copy is for the next visit, and registering starts downloading the whole site (~2 MB with the
// Fashion-MNIST images). Done at once, that download raced this visit's own start (engine, first
// training step) for the network and the CPU, so it waits for the page's load event, a few seconds
// more and an idle moment.

import { whenIdle } from './when-idle.js';
import { siteUrl } from './site-url.js';

const REGISTER_AFTER_LOAD_MS = 3000;

export function registerOffline() {
  try {
    if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
    const register = () => navigator.serviceWorker.register(siteUrl('sw.js')).catch(() => {});
    const later = () => setTimeout(() => whenIdle(register, { timeout: 2000 }), REGISTER_AFTER_LOAD_MS);
    if (document.readyState === 'complete') later();
    else window.addEventListener('load', later, { once: true });
  } catch {
    // Reading navigator.serviceWorker throws in a sandboxed frame without allow-same-origin.
  }
}
