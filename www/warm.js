// The engine's first comparisons as fast as its later ones. V8 runs wasm in a
// baseline tier and optimises a function only after it has run a great deal,
// but an editor compares a few times, not thousands. So once the page shows
// its first comparison, the engine compares a pair again and again in idle
// time (the results dropped) for WARM_MS of calls, then the page marks
// `wd:engine-warm` (how far that gets the editor's first calls:
// scripts/bench/firstcalls.mjs). Every other call runs in the engine's
// worker, which large inputs use, so that worker is started and warm too: V8
// optimises each thread's instance apart. Each key, click or paste pauses the
// warm-up until the page has been quiet for QUIET_MS: it never stands before
// the editor's own comparison.

/** Time in calls, in all. */
const WARM_MS = 1500;
/** After the editor acts, the warm-up waits this long without another action. */
export const QUIET_MS = 1500;
const ACTIONS = ["keydown", "pointerdown", "paste", "drop", "input"];

// requestIdleCallback where there is one (not Safari): else a timer, with a few ms to use.
// eslint-disable-next-line compat/compat -- tested for first
const idle = (run) => (globalThis.requestIdleCallback ? requestIdleCallback(run, { timeout: 500 }) : setTimeout(run, 50, { timeRemaining: () => 8 }));

/**
 * Compares `left` with `right` through `compare` (engine.js's) in idle time for
 * WARM_MS in all, one call in each idle period and more while one fits; then
 * marks `wd:engine-warm` (its detail: how many calls, how many ms) and
 * resolves with that detail. A failed call ends it.
 */
export function warmUp(compare, left, right) {
  return new Promise((resolve) => {
    let [calls, ms, quiet, last] = [0, 0, 0, 0];
    const acted = () => (quiet = performance.now() + QUIET_MS);
    for (const type of ACTIONS) addEventListener(type, acted, true);
    const slice = async (deadline) => {
      const wait = quiet - performance.now();
      if (wait > 0) return setTimeout(idle, wait, slice);
      // one call, and more while one fits in what is left of this idle period
      for (let first = true; ms < WARM_MS && (first || deadline.timeRemaining() > last * 1.5 + 1); first = false) {
        const start = performance.now();
        try {
          await compare(left, right, undefined, { worker: calls % 2 > 0 });
        } catch {
          ms = WARM_MS; // the page's own comparison will say what is wrong
        }
        last = performance.now() - start;
        [calls, ms] = [calls + 1, ms + last];
      }
      if (ms < WARM_MS) return idle(slice);
      for (const type of ACTIONS) removeEventListener(type, acted, true);
      resolve(performance.mark("wd:engine-warm", { detail: { calls, ms } }).detail);
    };
    idle(slice);
  });
}
