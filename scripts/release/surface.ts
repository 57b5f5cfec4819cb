/**
 * The package's exported surface, as a consumer sees it: for each entry point
 * (`@org/agora-rec-codes`, `/zh`, `/en`, `/constants` …, read from package.json
 * `exports`) the names it exports, and for each exported constant its value
 * (`ErrorCode.RESOURCE_ID_EXPIRED` → 433) and whether a member is `@deprecated`.
 *
 * Read with the TypeScript checker over the sources (src/ plus the generated
 * modules), in memory: it follows `export *` and re-exports exactly as a
 * consumer's compiler would, whatever the layout of the modules.
 */
import ts from 'typescript';

export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

/** One member of an exported constant object: its value and whether it is a deprecated alias. */
export type Member = { value: Literal; deprecated: boolean };

export type Surface = {
  /** Entry point (".", "./zh" …) → export name → value or type only. Undefined when the sources were not available. */
  entries?: Map<string, Map<string, 'value' | 'type'>>;
  /** Exported constants whose value is known: a literal, or an object of literal members (ErrorCode, CHANNEL_NAME …). */
  values: Map<string, { members: Map<string, Member> } | { value: Literal }>;
};

type PackageJson = { exports?: unknown; main?: string };

/**
 * package.json `exports` → entry point → the source file that builds it (dist/esm/zh.js → src/zh.ts).
 * A subpath's `import` target is read before any other condition, so `.` is src/index.ts (the
 * root in Node) and not its `browser` build, which exports the same names in one language.
 */
export function entrySources(pkg: PackageJson): Map<string, string> {
  const entries = new Map<string, string>();
  const target = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      for (const key of ['import', 'types', 'default', 'require']) {
        const found = target(v[key]);
        if (found) return found;
      }
    }
    return undefined;
  };
  const exportsField = pkg.exports;
  const map: Record<string, unknown> =
    typeof exportsField === 'string' || (exportsField && typeof exportsField === 'object' && !Object.keys(exportsField).some((k) => k.startsWith('.')))
      ? { '.': exportsField }
      : ((exportsField as Record<string, unknown>) ?? (pkg.main ? { '.': pkg.main } : {}));
  for (const [subpath, value] of Object.entries(map)) {
    if (!subpath.startsWith('.') || subpath.includes('*')) continue;
    const file = target(value);
    if (!file || !/\.(?:d\.ts|js|ts)$/.test(file)) continue;
    const source = file
      .replace(/^\.\//, '')
      .replace(/^dist\/(?:esm|cjs|[^/]+)\//, 'src/')
      .replace(/\.d\.ts$|\.js$/, '.ts');
    entries.set(subpath, source);
  }
  return entries;
}

/**
 * The surface of a package whose sources are `files` (path relative to the
 * package root → text: src/**\/*.ts with src/generated/ filled in).
 */
export function packageSurface(files: ReadonlyMap<string, string>, pkg: PackageJson): Surface {
  const ROOT = '/package/';
  // Without the standard library (noLib, so nothing outside the package counts), the one global its constants are made
  // with: Object.freeze, giving its argument's type (the literal types of an `as const` object).
  const GLOBALS = `${ROOT}globals.d.ts`;
  const virtual = new Map<string, string>([
    [`${ROOT}package.json`, JSON.stringify({ type: 'module' })],
    [GLOBALS, 'interface ObjectConstructor { freeze<T>(o: T): T; }\ndeclare var Object: ObjectConstructor;\n'],
  ]);
  for (const [path, text] of files) virtual.set(ROOT + path, text);
  const entries = entrySources(pkg);
  const options: ts.CompilerOptions = {
    noLib: true,
    types: [],
    noEmit: true,
    allowImportingTsExtensions: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
  };
  const dirs = new Set<string>();
  for (const path of virtual.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/') || '/');
  }
  const host: ts.CompilerHost = {
    getSourceFile: (name, language) => {
      const text = virtual.get(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, language, true);
    },
    getDefaultLibFileName: () => `${ROOT}lib.d.ts`,
    writeFile: () => {},
    getCurrentDirectory: () => ROOT.slice(0, -1),
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => virtual.has(name),
    readFile: (name) => virtual.get(name),
    directoryExists: (name) => dirs.has(name.replace(/\/$/, '')),
    getDirectories: () => [],
  };
  const roots = [GLOBALS, ...new Set([...entries.values()].map((s) => ROOT + s).filter((s) => virtual.has(s)))];
  const program = ts.createProgram({ rootNames: roots, options, host });
  const checker = program.getTypeChecker();

  const literalOf = (type: ts.Type, depth: number): Literal | undefined => {
    if (type.isStringLiteral()) return type.value;
    if (type.isNumberLiteral()) return type.value;
    if (type.flags & ts.TypeFlags.BooleanLiteral) return (type as { intrinsicName?: string }).intrinsicName === 'true';
    if (type.flags & ts.TypeFlags.Null) return null;
    if (depth > 4 || !(type.flags & ts.TypeFlags.Object)) return undefined;
    if (type.getCallSignatures().length || type.getConstructSignatures().length) return undefined;
    const tuple = (checker as unknown as { isTupleType?(t: ts.Type): boolean }).isTupleType?.(type);
    if (tuple) {
      const items = checker.getTypeArguments(type as ts.TypeReference).map((t) => literalOf(t, depth + 1));
      return items.every((i) => i !== undefined) ? (items as Literal[]) : undefined;
    }
    const out: Record<string, Literal> = {};
    for (const prop of type.getProperties()) {
      const value = literalOf(checker.getTypeOfSymbol(prop), depth + 1);
      if (value === undefined) return undefined;
      out[prop.name] = value;
    }
    return out;
  };

  const surface: Surface = { entries: new Map(), values: new Map() };
  for (const [subpath, source] of entries) {
    const file = program.getSourceFile(ROOT + source);
    const names = new Map<string, 'value' | 'type'>();
    surface.entries!.set(subpath, names);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      // An export the checker cannot resolve counts as a value: what a consumer imports by that name.
      names.set(exported.name, symbol.flags & ts.SymbolFlags.Value || symbol.flags === ts.SymbolFlags.None ? 'value' : 'type');
      if (!(symbol.flags & ts.SymbolFlags.Variable) || surface.values.has(exported.name)) continue;
      const type = checker.getTypeOfSymbol(symbol);
      const scalar = literalOf(type, 0);
      if (scalar === undefined) continue;
      if (scalar !== null && typeof scalar === 'object' && !Array.isArray(scalar)) {
        const members = new Map<string, Member>();
        for (const prop of type.getProperties()) {
          members.set(prop.name, {
            value: scalar[prop.name],
            deprecated: prop.getJsDocTags(checker).some((tag) => tag.name === 'deprecated'),
          });
        }
        surface.values.set(exported.name, { members });
      } else surface.values.set(exported.name, { value: scalar });
    }
  }
  return surface;
}
