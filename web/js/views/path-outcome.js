// What became of one optimizer path, for its legend entry and its mark on the contour plot.
// The engine ends a path before its first non-finite point, so a path shorter than steps + 1
// points diverged at the step after its last point.

// points: Float64Array of (x, y, value) triples; fn: { xmin, xmax, ymin, ymax }.
// -> { final: last finite value, divergedAt: step | null, leftAt: first step outside the window | null }
export function pathOutcome(points, steps, fn) {
  const count = points.length / 3;
  let leftAt = null;
  for (let k = 0; k < count && leftAt === null; k++) {
    const x = points[3 * k], y = points[3 * k + 1];
    if (x < fn.xmin || x > fn.xmax || y < fn.ymin || y > fn.ymax) leftAt = k;
  }
  return {
    final: count > 0 ? points[3 * (count - 1) + 2] : null,
    divergedAt: count < steps + 1 ? count : null,
    leftAt,
  };
}
