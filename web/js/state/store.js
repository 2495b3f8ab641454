// The page's single source of truth: the current settings object plus change listeners.
// Views never keep their own copy of a setting; they read store.settings and call store.set().

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
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
