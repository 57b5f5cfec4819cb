/**
 * The channel-name rule behind error 1013, as the catalog states it: at most
 * `maxBytes` bytes in UTF-8, made only of the allowed characters.
 */
import { CHANNEL_NAME_RULE } from './generated/records.ts';

export type ChannelNameCheck =
  | { ok: true; bytes: number }
  | { ok: false; reason: 'not-a-string' }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'character'; index: number; character: string; codePoint: number }
  | { ok: false; reason: 'too-long'; bytes: number; maxBytes: number };

export const CHANNEL_NAME = CHANNEL_NAME_RULE;

const allowed = /* @__PURE__ */ new Set(CHANNEL_NAME_RULE.allowedCharacters);

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Check a channel name before `acquire`. Reports the first character that is
 * not allowed (with its index in UTF-16 code units, as String.prototype.at
 * counts), or the length in bytes when it is over the limit.
 */
export function validateChannelName(name: unknown): ChannelNameCheck {
  if (typeof name !== 'string') return { ok: false, reason: 'not-a-string' };
  if (name.length === 0) return { ok: false, reason: 'empty' };
  let index = 0;
  for (const ch of name) {
    if (!allowed.has(ch)) return { ok: false, reason: 'character', index, character: ch, codePoint: ch.codePointAt(0)! };
    index += ch.length;
  }
  const bytes = utf8Length(name);
  if (bytes > CHANNEL_NAME_RULE.maxBytes) return { ok: false, reason: 'too-long', bytes, maxBytes: CHANNEL_NAME_RULE.maxBytes };
  return { ok: true, bytes };
}
