/**
 * Print a zod schema as a TypeScript type, so the package (which has no
 * dependencies, zod included) ships the record types inferred from the one
 * schema instead of a hand-kept copy. `localized` prints every {zh, en} text
 * as a plain string: the shape a reader of one language gets.
 */
import { z } from 'zod';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** {zh, en}, or an action {zh, en, basis}: one language's reader gets a string. */
function isLocalizedText(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type !== 'object') return false;
  const keys = Object.keys(def.shape as object).filter((k) => k !== 'basis');
  return keys.length === 2 && keys.includes('zh') && keys.includes('en');
}

function jsdoc(schema: z.ZodType, indent: string): string {
  const description = z.globalRegistry.get(schema)?.description;
  return description ? `${indent}/** ${description.replace(/\*\//g, '*\\/')} */\n` : '';
}

export type PrintOptions = {
  /** Print {zh, en} texts as string. */
  localized: boolean;
  /** Fields to leave out of every object (e.g. editorial fields). */
  omit?: readonly string[];
  /** Schemas printed by name where they occur (their .meta() copies included). */
  named?: ReadonlyMap<z.ZodType, string>;
};

function nameOf(schema: z.ZodType, options: PrintOptions): string | undefined {
  const def = defOf(schema);
  for (const [named, name] of options.named ?? []) if (defOf(named) === def) return name;
  return undefined;
}

export function printType(schema: z.ZodType, options: PrintOptions, indent = '', top = true): string {
  const def = defOf(schema);
  const name = top ? undefined : nameOf(schema, options);
  if (name) return name;
  if (options.localized && isLocalizedText(schema)) return 'string';
  switch (def.type) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'literal':
      return (def.values as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
    case 'enum':
      return Object.values(def.entries as Record<string, string>).map((v) => JSON.stringify(v)).join(' | ');
    case 'optional':
    case 'default':
    case 'readonly':
      return printType(def.innerType as z.ZodType, options, indent, false);
    case 'array': {
      const element = printType(def.element as z.ZodType, options, indent, false);
      return /[|&]/.test(element) && !element.startsWith('{') ? `(${element})[]` : `${element}[]`;
    }
    case 'record':
      return `Record<${printType(def.keyType as z.ZodType, options, indent, false)}, ${printType(def.valueType as z.ZodType, options, indent, false)}>`;
    case 'union':
      return (def.options as z.ZodType[]).map((o) => printType(o, options, indent, false)).join('\n  | ');
    case 'object': {
      const inner = indent + '  ';
      const fields = Object.entries(def.shape as Record<string, z.ZodType>)
        .filter(([key]) => !options.omit?.includes(key))
        .map(([key, field]) => {
          const optional = defOf(field).type === 'optional' ? '?' : '';
          return `${jsdoc(field, inner)}${inner}${key}${optional}: ${printType(field, options, inner, false)};`;
        });
      return `{\n${fields.join('\n')}\n${indent}}`;
    }
    default:
      throw new Error(`printType: zod type "${def.type}" is not supported; extend scripts/generate/typescript-types.ts`);
  }
}
