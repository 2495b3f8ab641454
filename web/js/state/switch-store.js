// Compare mode's "editing: A | B": the settings panels are built once, on this store, which stands
// for run A's store or run B's. Switching the side tells every listener that the keys whose value
// differs between the two changed (origin 'side'), so each panel redraws with the other run's values.

import { forKeys } from './store.js';

// stores: { a, b } (state/store.js)
export function createSwitchStore(stores) {
  let side = 'a';
  const listeners = new Set();
  for (const [name, store] of Object.entries(stores)) {
    store.subscribe((changed, origin) => { if (name === side) for (const listener of listeners) listener(changed, origin); });
  }
  return {
    get settings() { return stores[side].settings; },
    set: (patch, origin) => stores[side].set(patch, origin),
    subscribe(listener, keys = null) {
      const call = forKeys(listener, keys);
      listeners.add(call);
      return () => listeners.delete(call);
    },
    get side() { return side; },
    setSide(next) {
      if (next === side) return;
      const before = stores[side].settings;
      side = next;
      const after = stores[side].settings;
      const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
      if (changed.length) for (const listener of listeners) listener(changed, 'side');
    },
  };
}
