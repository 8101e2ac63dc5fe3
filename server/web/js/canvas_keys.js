// Keyboard on the graph canvas: which node an arrow key moves the selection
// to. Pure, so that the module tests can check it without a browser.

// The node nearest to `from` in the direction of `key` (ArrowLeft, ArrowRight,
// ArrowUp, ArrowDown), among `nodes` ({ id, x, y }, rendered positions with y
// growing downwards); null when none lies that way. A node counts as lying
// that way when it is within 45° of the direction; nearer ones win, and a
// node straight ahead beats one as near but off to the side.
export function nearestInDirection(from, nodes, key) {
  const dir = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key];
  if (!dir || !from) return null;
  let best = null;
  let bestScore = Infinity;
  for (const n of nodes) {
    if (n.id === from.id) continue;
    const dx = n.x - from.x;
    const dy = n.y - from.y;
    const along = dx * dir[0] + dy * dir[1];
    const across = Math.abs(dx * dir[1] - dy * dir[0]);
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = n;
    }
  }
  return best;
}

// The next (step 1) or previous (step -1) of `items` after `current`,
// wrapping; the first (or last) when `current` is not among them.
export function cycle(items, current, step) {
  if (!items.length) return null;
  const i = items.indexOf(current);
  if (i < 0) return step > 0 ? items[0] : items[items.length - 1];
  return items[(i + step + items.length) % items.length];
}
