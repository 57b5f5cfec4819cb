/**
 * Text for a terminal: what the catalog, a response or a log says is printed
 * as text only, and cannot drive the terminal. Shared by the CLI's commands.
 */

/**
 * Text from the command line or a response, made safe to print: terminal
 * escape sequences (CSI, OSC …) and control characters removed, bidirectional
 * overrides too, so nothing can colour, move the cursor, clear the screen,
 * retitle the terminal or reorder what is shown. Tab and newline stay.
 */
export function plain(text: string): string {
  return text
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '') // OSC … BEL / ST
    .replace(/(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g, '') // CSI
    .replace(/\u001b[P^_X][^\u001b]*(?:\u001b\\)?/g, '') // DCS, PM, APC, SOS
    .replace(/\u001b[ -/]*[0-~]?/g, '') // any other escape
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** A copy of `value` whose strings are plain(): what the catalog or a response says is given as text only (a log's
 * escape sequences reach no terminal, not even through `jq -r` on the JSON). */
export function withoutControls<T>(value: T): T {
  if (typeof value === 'string') return plain(value) as T;
  if (Array.isArray(value)) return value.map(withoutControls) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControls(v)])) as T;
  }
  return value;
}

/** JSON.stringify escapes C0 controls; escape DEL, C1 and bidirectional overrides too, so that no raw control reaches a terminal. */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * What node:util's parseArgs rejected, in one clear line: `unknown option --bogus`,
 * `--method needs a value`, `--json takes no value` (its own message quotes
 * awkwardly and suggests `--`, which no command here needs).
 */
export function optionError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = String(message ?? error);
  const option = /'(-[^'\s]*)/.exec(text)?.[1];
  if (option && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (option && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /does not take/.test(text) ? `${option} takes no value` : `${option} needs a value`;
  return text.split('\n')[0];
}
