/**
 * On the search page: a query that is a pasted response (a body, curl output,
 * log lines) is offered to the diagnose page, with the text carried over in the
 * address fragment. The reader of responses (the package's response-text) is
 * loaded only when a query could be one, so that a plain search pays nothing.
 */
import { stateToHash } from './diagnose-state.ts';

/** What a pasted response has and a search query does not: braces, quotes around a key, a status line, an API URL, HTML. */
const COULD_BE = /[{}]|["'](?:code|message|reason)["']\s*:|HTTP\/\d|cloud_recording|<html|<title/i;

export function startDiagnoseOffer(): void {
  const input = document.querySelector<HTMLInputElement>('#q');
  const line = document.querySelector<HTMLElement>('#diagnose-offer');
  const link = line?.querySelector('a');
  if (!input || !line || !link) return;
  const base = link.getAttribute('href') ?? '';
  let reader: Promise<typeof import('../../src/response-text.ts')> | undefined;
  let latest = 0;
  const check = async (text: string) => {
    const mine = ++latest;
    let looks = false;
    if (COULD_BE.test(text)) {
      reader ??= import('../../src/response-text.ts');
      looks = (await reader).looksLikeResponse(text);
    }
    if (mine !== latest) return;
    line.hidden = !looks;
    if (looks) link.href = base + stateToHash(text, '').hash;
  };
  input.addEventListener('input', () => void check(input.value));
  // A search opened with ?q= (a link, the portal, the header box).
  void check(input.value || (new URLSearchParams(location.search).get('q') ?? ''));
}
