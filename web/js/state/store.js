// The page's single source of truth: the current settings object plus change listeners.
// Views never keep their own copy of a setting; they read store.settings and call store.set(), and
// subscribe with the keys they read.

export function createStore(initial) {
  let settings = structuredClone(initial);
  const listeners = new Set();
  return {
    get settings() { return settings; },
    // patch: { key: value, ... }; listeners get the list of keys whose value really changed.
    set(patch, origin = 'ui') {
      const changed = [];
      const next = { ...settings };
      for (const [key, value] of Object.entries(patch)) {
        if (JSON.stringify(settings[key]) !== JSON.stringify(value)) {
          next[key] = structuredClone(value);
          changed.push(key);
        }
      }
      if (changed.length === 0) return changed;
      settings = next;
      for (const listener of listeners) listener(changed, origin);
      return changed;
    },
    // keys: the settings the listener reads; it is called only when one of them changed (on every
    // change when left out, e.g. for a link of all the settings).
    subscribe(listener, keys = null) {
      const call = forKeys(listener, keys);
      listeners.add(call);
      return () => listeners.delete(call);
    },
  };
}

// listener, called only when one of `keys` changed (on every change when keys is null).
export function forKeys(listener, keys) {
  const wanted = keys && new Set(keys);
  return wanted ? (changed, origin) => { if (changed.some((key) => wanted.has(key))) listener(changed, origin); } : listener;
}
