// axe-core (npm dev dependency) injected into a page under test: its violations, and a short
// text of those at the given impacts for an assertion message. The page's CSP allows only its own
// scripts, so the library goes in through the DevTools protocol (page.evaluate), not a <script>.

import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Runs axe on the whole document of `page` (or a frame); returns its violations.
export async function axeViolations(target) {
  const loaded = await target.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await target.evaluate(AXE_SOURCE);
  return target.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })) }));
  });
}

// Counts of violating nodes by impact: { critical, serious, moderate, minor }.
export function countByImpact(violations) {
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) counts[v.impact] = (counts[v.impact] ?? 0) + v.nodes.length;
  return counts;
}

export function describe(violations, impacts = ['critical', 'serious']) {
  return violations.filter((v) => impacts.includes(v.impact))
    .map((v) => `${v.impact} ${v.id} (${v.help}):\n${v.nodes.map((n) => `  ${n.target}: ${n.summary}`).join('\n')}`).join('\n');
}
