/**
 * Which meaning of a record applies on a method, and whether a policy is a
 * retry: one rule for the package and the site, so both say the same thing.
 */

type MeaningLike = { methods?: readonly string[]; source: string; http?: number };

/**
 * The meaning that applies on `method`: among those that name the method (or
 * every method), one with the given HTTP status first, then the newest source
 * (the highest rank), then one that names the method over one for every method.
 */
export function pickMeaning<M extends MeaningLike>(
  meanings: readonly M[],
  method: string | undefined,
  ranks: Readonly<Record<string, number>>,
  http?: number,
): M | undefined {
  if (!method) return undefined;
  const score = (m: M) => (http !== undefined && m.http === http ? 1000 : 0) + (ranks[m.source] ?? 0) * 10 + (m.methods ? 1 : 0);
  let best: M | undefined;
  for (const m of meanings) {
    if (m.methods && !m.methods.includes(method)) continue;
    if (!best || score(m) > score(best)) best = m;
  }
  return best;
}

/** The actions after which sending a request again (possibly after a new acquire) can succeed. */
export const RETRY_ACTIONS: readonly string[] = ['retry', 'acquire-again'];
export const isRetry = (policy: { action: string }): boolean => RETRY_ACTIONS.includes(policy.action);
