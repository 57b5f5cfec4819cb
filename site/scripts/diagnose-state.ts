/**
 * The diagnose box's state in the address: /{lang}/diagnose/#method=start&text=…
 * A link to a diagnosis (what a support engineer sends), and what the search page
 * hands over. The fragment is never sent to a server.
 */
import { METHODS, type Method } from '../../src/records.ts';

export const isMethod = (value: unknown): value is Method => (METHODS as readonly unknown[]).includes(value);

/** Longest paste carried in a link (characters, before encoding). */
const LINK_LIMIT = 20_000;

/** The paste without credentials: an Authorization header's value, curl's -u user:password. */
export function withoutCredentials(text: string): string {
  return text
    .replace(/(authorization["']?\s*[:=]\s*["']?)(basic|bearer|digest)\s+[^\s"',}]+/gi, '$1$2 ***')
    .replace(/((?:^|\s)(?:-u|--user)\s+)("[^"]*"|'[^']*'|\S+)/g, '$1***');
}

/**
 * The address fragment of a paste and a method (either may be empty), without
 * credentials; `notes` says what was left out: credentials, or the whole text
 * when it is too long for a link.
 */
export function stateToHash(text: string, method: string): { hash: string; notes: ('credentials' | 'too-long')[] } {
  const params = new URLSearchParams();
  const notes: ('credentials' | 'too-long')[] = [];
  if (method) params.set('method', method);
  const safe = withoutCredentials(text);
  if (safe !== text) notes.push('credentials');
  if (safe.length > LINK_LIMIT) notes.push('too-long');
  else if (safe) params.set('text', safe);
  const query = params.toString();
  return { hash: query ? `#${query}` : '', notes };
}

/** The paste and the method a fragment holds; a method that is none of the API's is dropped. */
export function stateFromHash(hash: string): { text: string; method: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const method = params.get('method') ?? '';
  return { text: params.get('text') ?? '', method: isMethod(method) ? method : '' };
}
