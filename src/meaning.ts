/**
 * Which meaning of a record applies on a method, and whether a policy is a
 * retry: one rule for the package and the site, so both say the same thing.
 */

type MeaningLike = { methods?: readonly string[]; source: string; http?: number; reason?: string; retry?: unknown };

const sameReason = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The meaning that applies on `method`: among those that name the method (or
 * every method), one whose `reason` is the response's first, then one with the
 * given HTTP status, then the newest source (the highest rank), then one that
 * names the method over one for every method.
 *
 * Where the best candidates tie and differ only by `reason` (HTTP 206 on `stop`:
 * 65 "request not completed" or 435 "no recorded data") and the response names
 * neither reason, no one of them is picked: the meaning that names no reason
 * applies, else none (the record's own policy) — never a guess.
 */
export function pickMeaning<M extends MeaningLike>(
  meanings: readonly M[],
  method: string | undefined,
  ranks: Readonly<Record<string, number>>,
  http?: number,
  reason?: string,
): M | undefined {
  if (!method) return undefined;
  const score = (m: M) =>
    (sameReason(m.reason, reason) ? 10000 : 0) + (http !== undefined && m.http === http ? 1000 : 0) + (ranks[m.source] ?? 0) * 10 + (m.methods ? 1 : 0);
  const candidates = meanings.filter((m) => !m.methods || m.methods.includes(method));
  let best: M | undefined;
  for (const m of candidates) if (!best || score(m) > score(best)) best = m;
  if (!best || sameReason(best.reason, reason)) return best;
  const top = score(best);
  const rivals = candidates.filter((m) => m !== best && score(m) === top && m.reason !== best!.reason && JSON.stringify(m.retry) !== JSON.stringify(best!.retry));
  if (rivals.length === 0) return best;
  let plain: M | undefined;
  for (const m of candidates) if (m.reason === undefined && (!plain || score(m) > score(plain))) plain = m;
  return plain;
}

/** The actions after which sending a request again (possibly after a new acquire) can succeed. */
export const RETRY_ACTIONS: readonly string[] = ['retry', 'acquire-again'];
export const isRetry = (policy: { action: string }): boolean => RETRY_ACTIONS.includes(policy.action);
