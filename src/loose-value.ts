/**
 * A tolerant reader of one value as logs and terminals print it: JSON, a
 * Python dict (`{'code': 65, 'ok': True}`), a Node object
 * (`{ code: 65, reason: 'x', data: [Object] }`), a Ruby hash (`{"code"=>404, "sid"=>nil}`),
 * an Elixir map or struct (`%Req.Response{status: 404, body: %{"code" => 404}}`), and any of them cut short.
 * The one reader of such text in the package: explain() reads a body with it
 * (src/response.ts) and the log reader every object of a log
 * (src/response-text.ts). It imports nothing, so a bundle of explain() pays
 * only for this.
 */

/** Longest string value kept. */
const MAX_STRING = 2000;
/** How deep a value is read; deeper nesting than any real response is not read. */
const MAX_DEPTH = 40;

const own = (o: object, key: string): boolean => Object.hasOwn(o, key);

/** A value read; `cut`, for one cut short, is where: the path of the value being read at the end (`serverResponse.subServiceStatus.uploaderService`). */
export type Parsed = { value: unknown; end: number; complete: boolean; cut?: string };

class Incomplete extends Error {}
class Invalid extends Error {}

/**
 * Read one value at `start`: JSON, or what Python (`{'code': 65, 'ok': True}`) and
 * Node (`{ code: 65, reason: 'x', data: [Object] }`) print. At the end of the text
 * (a body cut short), what was read so far comes back with `complete: false`; the
 * value being read at the cut is left out (a number cut short is another number).
 * undefined when the text is not such a value — or, with `upToBreak`, when it breaks
 * before any of it was read (a body broken in the middle then gives what came before
 * the break, `complete: false`).
 */
export function readLooseValue(text: string, start = 0, upToBreak = false): Parsed | undefined {
  let i = start;
  let root: unknown;
  /** The keys (and array positions) down to the value being read. */
  const path: string[] = [];
  const n = text.length;
  const need = () => {
    if (i >= n) throw new Incomplete();
  };
  /** The next character after white space; at the end of the text, the value is cut short. */
  const peek = (): string => {
    while (i < n && (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 0xa0)) i++;
    need();
    return text[i];
  };
  const str = (): string => {
    const quote = text[i++];
    let out = '';
    let from = i;
    for (;;) {
      need();
      const c = text[i];
      if (c === quote) {
        out += text.slice(from, i++);
        return out.length > MAX_STRING ? out.slice(0, MAX_STRING) : out;
      }
      if (c === '\n') throw new Invalid();
      if (c === '\\') {
        out += text.slice(from, i);
        i++;
        need();
        const e = text[i++];
        if (e === 'u') {
          const hex = text.slice(i, i + 4);
          if (hex.length < 4) throw new Incomplete();
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Invalid();
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
        } else out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
        from = i;
      } else i++;
    }
  };
  const word = (): string => {
    const m = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i, i + 80));
    if (!m) throw new Invalid();
    i += m[0].length;
    return m[0];
  };
  const value = (depth: number, attach: (v: unknown) => void): void => {
    if (depth > MAX_DEPTH) throw new Invalid();
    const c = peek();
    if (c === '[') {
      // Node's placeholders: [Object], [Array], [Circular *1], [Function: f], [Getter].
      const placeholder = /^\[(?:Object|Array|Circular[^\]]*|Function[^\]]*|Getter[^\]]*|Setter[^\]]*)\]/.exec(text.slice(i, i + 60));
      if (placeholder) {
        i += placeholder[0].length;
        attach(null);
        return;
      }
    }
    if (c === '%') {
      // Elixir: a map `%{"code" => 404}`, a struct `%Req.Response{status: 404, body: %{…}}`.
      const map = /^%(?:[A-Z][\w.]*)?(?=\{)/.exec(text.slice(i, i + 80));
      if (!map) throw new Invalid();
      i += map[0].length;
      value(depth, attach);
      return;
    }
    if (c === ':' && /^:[a-z_]\w*/.test(text.slice(i, i + 2))) {
      // Elixir's and Ruby's atoms (`method: :post`): their name.
      i++;
      attach(word());
      return;
    }
    if (c === '{' || c === '[') {
      // An object or an array: the same loop, keys only in an object.
      const close = c === '{' ? '}' : ']';
      const box: Record<string, unknown> | unknown[] = c === '{' ? {} : [];
      attach(box);
      i++;
      for (;;) {
        if (peek() === close) {
          i++;
          return;
        }
        let key: string | undefined;
        if (c === '{') {
          key = text[i] === '"' || text[i] === "'" ? str() : /[\d-]/.test(text[i]) ? String(num()) : word();
          if (peek() !== ':' && text[i] !== '=') throw new Invalid();
          // Ruby's `"code"=>404`.
          i += text.startsWith('=>', i) ? 2 : 1;
        }
        path.push(key ?? `[${(box as unknown[]).length}]`);
        value(depth + 1, (v) => {
          if (key === undefined) (box as unknown[]).push(v);
          else if (key !== '__proto__') (box as Record<string, unknown>)[key] = v;
        });
        path.pop();
        if (peek() === ',') i++;
        else if (text[i] !== close) throw new Invalid();
      }
    }
    if (c === '"' || c === "'") {
      const s = str();
      attach(s);
      return;
    }
    if (/[\d-]/.test(c)) {
      const v = num();
      // A number only counts once something follows it: at the cut, 43 may be 433.
      peek();
      attach(v);
      return;
    }
    if (c === '<') {
      // Node: <ref *1> { … }
      const ref = /^<ref \*\d+>\s*/.exec(text.slice(i, i + 20));
      if (!ref) throw new Invalid();
      i += ref[0].length;
      value(depth, attach);
      return;
    }
    const w = word();
    peek();
    const literals: Record<string, unknown> = {
      true: true,
      True: true,
      false: false,
      False: false,
      null: null,
      None: null,
      nil: null,
      undefined: null,
      NaN: null,
      Infinity: null,
    };
    if (!own(literals, w)) throw new Invalid();
    attach(literals[w]);
  };
  const num = (): number => {
    const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (!m) throw new Invalid();
    i += m[0].length;
    return Number(m[0]);
  };
  try {
    value(0, (v) => (root = v));
    return { value: root, end: i, complete: true };
  } catch (error) {
    if (error instanceof Incomplete) return root === undefined ? undefined : { value: root, end: n, complete: false, cut: path.join('.').replace(/\.\[/g, '[') };
    if (error instanceof Invalid || error instanceof RangeError) return upToBreak && root !== undefined ? { value: root, end: n, complete: false } : undefined;
    throw error;
  }
}
