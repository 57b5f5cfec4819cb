/**
 * The one definition of the catalog.
 *
 * Every YAML file under data/ is checked against these schemas; every TypeScript
 * type of a record, a method, a source or a retry policy is inferred from them;
 * the JSON Schema that editors use (data/catalog.schema.json) is generated from
 * them. Nothing else in the project restates the shape of a record.
 */
import { z } from 'zod';

/** The REST methods of Cloud Recording, in the order a recording goes through them. */
export const METHODS = ['acquire', 'start', 'query', 'update', 'updateLayout', 'stop'] as const;
export const Method = z.enum(METHODS);
export type Method = z.infer<typeof Method>;

export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The kinds of record. Each kind is its own namespace: body code 404 and HTTP
 * status 404 are two records that never collide. `segment` is the kind's folder
 * in the site's URLs, `idType` what identifies a record within the kind.
 */
export const KINDS = {
  'error-code': { segment: 'errors', idType: 'number', constantGroup: 'ErrorCode' },
  'message-error': { segment: 'errors', idType: 'slug', constantGroup: 'GatewayMessage' },
  'http-status': { segment: 'http', idType: 'number', constantGroup: 'HttpStatus' },
  'service-state': { segment: 'states', idType: 'string', constantGroup: 'ServiceState' },
  'recording-status': { segment: 'recording-status', idType: 'number', constantGroup: 'RecordingStatus' },
  'upload-status': { segment: 'upload-status', idType: 'string', constantGroup: 'UploadStatus' },
  'extension-state': { segment: 'extension-state', idType: 'string', constantGroup: 'ExtensionState' },
  'output-status': { segment: 'output-status', idType: 'string', constantGroup: 'OutputStatus' },
} as const;
export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

// ---------------------------------------------------------------------------
// Texts

/**
 * Inline formatting allowed in a text: `code spans` in backticks, nothing else.
 * Outside code spans a text may not hold HTML tags, Markdown links or images,
 * or script URLs; every product renders texts as plain text plus code spans.
 */
export function inlineFormattingProblem(text: string): string | undefined {
  if ((text.match(/`/g) ?? []).length % 2 !== 0) return 'an unclosed code span (odd number of backticks)';
  const outside = text.split('`').filter((_, i) => i % 2 === 0).join(' ');
  if (/<\/?[a-zA-Z!?]/.test(outside)) return 'an HTML tag outside a code span (only `code spans` are allowed)';
  if (/\]\(|!\[/.test(outside)) return 'Markdown link or image syntax (put links in `links`)';
  if (/\b(?:javascript|vbscript|data)\s*:/i.test(outside)) return 'a script URL';
  return undefined;
}

const Text = z
  .string()
  .trim()
  .min(1, 'a non-empty text')
  .superRefine((text, ctx) => {
    const problem = inlineFormattingProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: `plain text with \`code spans\` only, not ${problem}` });
  });

/** A text in both languages: zh-CN (the source language) and English. */
export const LocalizedText = z
  .strictObject({
    zh: Text.meta({ description: 'Simplified Chinese (zh-CN), the source language' }),
    en: Text.meta({ description: 'English' }),
  })
  .meta({ description: 'A text in both languages; both are required and non-empty.' });
export type LocalizedText = z.infer<typeof LocalizedText>;

const HttpsUrl = z.url({ protocol: /^https$/, error: 'an absolute https:// URL' });

// ---------------------------------------------------------------------------
// Sources

export const SOURCE_IDS = ['seed', 'ce-en', 'sc', 'query', 'older-docs', 'clients', 'bp', 'acq', 'start', 'stop', 'api'] as const;
export const SourceId = z.enum(SOURCE_IDS);
export type SourceId = z.infer<typeof SourceId>;

// ---------------------------------------------------------------------------
// Retry policy: what a client does next.

const DelaysMs = z
  .array(z.int('a whole number of milliseconds').positive('a positive number of milliseconds'))
  .min(1)
  .meta({ description: 'Wait this many milliseconds before each retry, in order: [3000, 6000] is two retries.' });

/**
 * The next steps a client can take after a response. Each is one branch of a
 * client's `switch`; RetryPolicy below gives each the fields it needs.
 */
export const RETRY_ACTIONS = [
  'none',
  'poll',
  'already-done',
  'retry',
  'acquire-again',
  'fix-request',
  'fix-credentials',
  'fix-account',
  'gone',
  'contact-support',
] as const;
export type RetryAction = (typeof RETRY_ACTIONS)[number];

/** What each next step means for a client (documentation; the JSON Schema shows it to editors). */
export const RETRY_ACTION_MEANINGS: Record<RetryAction, string> = {
  none: 'success; nothing to act on',
  poll: 'not finished yet: call query again later',
  'already-done': 'what the request asked for is already in place (the recording runs, or is already stopping): treat it as success',
  retry: 'send the same request again, waiting delaysMs before each attempt (then: the next step when every attempt failed)',
  'acquire-again': 'start over: acquire a new resource ID, then start',
  'fix-request': 'change the request (parameters, URL, HTTP method, headers), then send it',
  'fix-credentials': 'fix the Customer ID, the Customer Secret or the `Authorization: Basic …` header',
  'fix-account': 'fix the App ID or the Agora Console settings (enable Cloud Recording, account status, quotas)',
  gone: 'the task no longer exists: nothing to retry on it; a new recording needs acquire and start',
  'contact-support': 'open a ticket with Agora support',
};

/**
 * Where a claim comes from: Agora says so, in a source the record cites
 * (`{source: id}`), or it is our recommendation, with one line on why
 * (`{recommendation: {zh, en}}`). Every retry policy, every action and the
 * facts of a record carry one; a meaning carries one only when its text is our
 * reading of a value its source merely lists. `npm run check` requires them
 * and rejects a source the record does not cite.
 */
export const Basis = z
  .union([
    z.strictObject({ source: SourceId.meta({ description: 'The source that says so (ids in data/api.yaml); the record must cite it in `sources`' }) }),
    z.strictObject({ recommendation: LocalizedText.meta({ description: 'Our advice, not Agora\'s: one line on why' }) }),
  ])
  .meta({ description: 'Where the claim comes from: {source: id} when a source says so, {recommendation: {zh, en}} when it is ours.' });
export type Basis = z.infer<typeof Basis>;

/** Is this basis a source (Agora says so) rather than our recommendation? */
export const isSourced = (basis: Basis | undefined): basis is { source: SourceId } => !!basis && 'source' in basis;

const step = <A extends RetryAction, S extends z.ZodRawShape, T extends z.ZodRawShape = Record<never, never>>(action: A, shape: S, afterBasis?: T) =>
  z
    .strictObject({ action: z.literal(action), ...shape, basis: Basis.optional(), ...(afterBasis as T) })
    .meta({ description: `${action}: ${RETRY_ACTION_MEANINGS[action]}` });

const Then = (options: readonly [string, ...string[]], description: string) =>
  z.enum(options).optional().meta({ description });

export const RetryPolicy = z
  .discriminatedUnion('action', [
    step('none', {}),
    step('poll', {}),
    step('already-done', {}),
    step('retry', {
      delaysMs: DelaysMs,
      backoff: z.boolean().optional().meta({ description: 'true where the source asks for backoff' }),
      sameResourceId: z.boolean().optional().meta({ description: 'retry with the same resource ID (true) or not' }),
      then: Then(['acquire-again', 'contact-support', 'fix-request'], 'what to do when every retry failed'),
    }, {
      thenBasis: Basis.optional().meta({
        description: 'Where `then` comes from, when not from what `basis` names (65: the retries from seed, acquiring again from sc; 500: the retries from bp, contacting support our advice); without it, `basis` covers `then` too',
      }),
    }),
    step('acquire-again', {}),
    step('fix-request', { then: Then(['contact-support'], 'what to do when the request is certainly right and it still fails') }),
    step('fix-credentials', { then: Then(['contact-support'], 'what to do when the credentials are certainly right and it still fails') }),
    step('fix-account', { then: Then(['contact-support'], 'what to do when the settings are certainly right and it still fails') }),
    step('gone', {}),
    step('contact-support', {}),
  ])
  .meta({ description: 'What a client should do next, and whether and how to retry.' });
export type RetryPolicy = z.infer<typeof RetryPolicy>;

// ---------------------------------------------------------------------------
// Where a record occurs, and what it means there.


/**
 * One meaning of a record: on these methods, per this source, with this HTTP
 * status and reason string. A code that means different things on different
 * methods or in different doc revisions has one meaning each, never one merged text.
 */
export const Meaning = z
  .strictObject({
    methods: z.array(Method).min(1).optional().meta({
      description: 'The methods this meaning applies to; omit when it applies to every method.',
    }),
    source: SourceId,
    http: z.int().min(100).max(599).optional().meta({ description: 'The HTTP status returned with it' }),
    codes: z
      .array(z.int().nonnegative())
      .min(1)
      .optional()
      .meta({ description: "A status's meaning that is one or more body codes: those codes (HTTP 400 on `start`: [2]). It applies only to a response without a body `code` or with one of these." }),
    reason: z.string().min(1).optional().meta({ description: 'The `reason` (or message) string exactly as the API sends it' }),
    text: LocalizedText.meta({ description: 'What it means here, in both languages' }),
    basis: Basis.optional().meta({
      description: 'Only where the text is our reading of a value the source merely lists: {recommendation: why}',
    }),
    retry: RetryPolicy.optional(),
  })
  .meta({ description: 'One meaning of the record on some methods, per one source.' });
export type Meaning = z.infer<typeof Meaning>;

/** One step of what to do, in both languages, and where the advice comes from. */
export const Action = z
  .strictObject({
    zh: Text.meta({ description: 'Simplified Chinese (zh-CN), the source language' }),
    en: Text.meta({ description: 'English' }),
    basis: Basis.optional().meta({ description: 'Where this step comes from (required by `npm run check`)' }),
  })
  .meta({ description: 'One step, in both languages, with its basis.' });
export type Action = z.infer<typeof Action>;

const Reference = z
  .string()
  .regex(/^[a-z-]+:[A-Za-z0-9_-]+$/, 'a reference kind:id, e.g. error-code:433 or message-error:invalid-appid')
  .meta({ description: 'Another record, as kind:id (error-code:433, http-status:206, service-state:serviceIdle)' });

export const Link = z.strictObject({
  title: LocalizedText,
  url: z.strictObject({ zh: HttpsUrl, en: HttpsUrl }).meta({ description: 'The page for each language' }),
});
export type Link = z.infer<typeof Link>;

const Keywords = z
  .strictObject({ zh: z.array(z.string().trim().min(1)), en: z.array(z.string().trim().min(1)) })
  .meta({ description: 'Extra search words in each language (synonyms, phrases users paste).' });

const Lifecycle = z
  .strictObject({
    status: z.enum(['current', 'legacy', 'replaced']),
    replacedBy: Reference.optional(),
    note: LocalizedText.optional(),
  })
  .superRefine((l, ctx) => {
    if (l.status === 'replaced' && !l.replacedBy) {
      ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: 'replacedBy is required when status is replaced' });
    }
  });

const Constant = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/, 'an UPPER_SNAKE_CASE constant name')
  .meta({ description: 'The stable constant name in the package, unique within the kind' });

/**
 * A constant name the package used before a rename. It stays exported as a
 * `@deprecated` alias of the current name until the package version
 * `removedIn`, so that a rename is never a silent break. Removing an export
 * breaks the code that uses it, so `removedIn` is a major version (x.0.0;
 * before 1.0.0, 0.y.0): cross-checks.ts says so.
 */
export const FormerConstant = z
  .strictObject({
    name: Constant,
    removedIn: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'a package version x.y.z')
      .meta({ description: 'The first package version without the alias: a major version (x.0.0, or 0.y.0 before 1.0.0), since removing an export is a breaking change' }),
  })
  .meta({ description: 'A former constant name, kept as a deprecated alias until `removedIn`' });
export type FormerConstant = z.infer<typeof FormerConstant>;

/** Numbers and strings that code relies on: limits, time-outs, header values. */
export const Facts = z
  .strictObject({
    maxBytes: z.int().positive().optional().meta({ description: 'A length limit in bytes (UTF-8)' }),
    allowedCharacters: z
      .string()
      .min(1)
      .refine((chars) => new Set(chars).size === [...chars].length, 'each allowed character once')
      .optional()
      .meta({
      description: 'Every character allowed, each once, in one string (the channel-name rule of 1013)',
    }),
    expiresAfterSeconds: z.int().positive().optional().meta({ description: 'How long something stays valid' }),
    headers: z.record(z.string().min(1), z.string().min(1)).optional().meta({
      description: 'Header values the record is about, exactly as they must be sent',
    }),
    requestsPerSecond: z.int().positive().optional().meta({ description: 'A rate limit' }),
    basis: Basis.optional().meta({ description: 'The source that gives these values (required by `npm run check`; the record must cite it)' }),
  })
  .meta({ description: 'Exact values that the package and the upstream check use' });

const Hash = z.string().regex(/^[0-9a-f]{12}$/, 'a 12-character hex hash written by `npm run translations:reviewed`');

/** The fields every record has, whatever its kind. */
const recordFields = {
  constant: Constant,
  formerConstants: z
    .array(FormerConstant)
    .optional()
    .meta({ description: 'Names this record\'s constant had before a rename, still exported as deprecated aliases' }),
  title: LocalizedText.meta({ description: 'A short name, shown as the heading' }),
  summary: LocalizedText.meta({ description: 'One or two sentences: what it means' }),
  causes: z.array(LocalizedText).default([]).meta({ description: 'Why it happens, one cause each' }),
  actions: z.array(Action).default([]).meta({ description: 'What to do, one step each, each with its basis' }),
  meanings: z.array(Meaning).default([]).meta({ description: 'Per method and source: HTTP status, reason, meaning' }),
  retry: RetryPolicy.meta({ description: 'The next step where no meaning for the method says otherwise' }),
  related: z
    .array(Reference)
    .refine((refs) => new Set(refs).size === refs.length, 'each related record once')
    .default([]),
  links: z.array(Link).default([]),
  keywords: Keywords.optional(),
  sources: z.array(SourceId).min(1).meta({ description: 'Where the facts come from (ids in data/api.yaml)' }),
  facts: Facts.optional(),
  lifecycle: Lifecycle.default({ status: 'current' }),
  reviewed: z
    .strictObject({ zh: Hash, en: Hash })
    .optional()
    .meta({ description: 'Hashes of each language\'s texts when the translation was last reviewed; written by a script' }),
};

const numberId = (description: string) => z.int('a whole number').nonnegative().meta({ description });
const stringId = (description: string) =>
  z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a name of letters and digits').meta({ description });

export const ErrorCodeRecord = z.strictObject({
  kind: z.literal('error-code'),
  code: numberId('The numeric `code` in the response body'),
  ...recordFields,
});
export const MessageErrorRecord = z.strictObject({
  kind: z.literal('message-error'),
  code: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase slug, e.g. invalid-appid').meta({
    description: 'The slug used in URLs and references',
  }),
  message: z.string().min(1).meta({ description: 'The `message` string exactly as the gateway sends it' }),
  ...recordFields,
});
export const HttpStatusRecord = z.strictObject({
  kind: z.literal('http-status'),
  code: z.int('a whole number').min(100).max(599).meta({ description: 'The HTTP status code' }),
  ...recordFields,
});
export const ServiceStateRecord = z.strictObject({
  kind: z.literal('service-state'),
  code: stringId('The state string, e.g. serviceIdle'),
  ...recordFields,
});
export const RecordingStatusRecord = z.strictObject({
  kind: z.literal('recording-status'),
  code: numberId('The value of `serverResponse.status` in a query response'),
  ...recordFields,
});
export const UploadStatusRecord = z.strictObject({
  kind: z.literal('upload-status'),
  code: stringId('The value of `serverResponse.uploadingStatus` in a stop response'),
  ...recordFields,
});
export const ExtensionStateRecord = z.strictObject({
  kind: z.literal('extension-state'),
  code: stringId('The value of `extensionServiceState[].payload.state` in a query response'),
  ...recordFields,
});
export const OutputStatusRecord = z.strictObject({
  kind: z.literal('output-status'),
  code: stringId('The value of `outputs[].status` in a query response'),
  ...recordFields,
});

export const CatalogRecord = z.discriminatedUnion('kind', [
  ErrorCodeRecord,
  MessageErrorRecord,
  HttpStatusRecord,
  ServiceStateRecord,
  RecordingStatusRecord,
  UploadStatusRecord,
  ExtensionStateRecord,
  OutputStatusRecord,
]);
export type CatalogRecord = z.infer<typeof CatalogRecord>;
export type RecordOf<K extends Kind> = Extract<CatalogRecord, { kind: K }>;

/** The id that names a record within its kind, as a string: "433", "invalid-appid", "serviceIdle". */
export const recordId = (r: Pick<CatalogRecord, 'code'>): string => String(r.code);
/** The reference to a record used by `related` and `replacedBy`: "error-code:433". */
export const recordRef = (r: Pick<CatalogRecord, 'kind' | 'code'>): string => `${r.kind}:${r.code}`;

// ---------------------------------------------------------------------------
// Files

/** A record file: data/<kind>s.yaml holds the records of one kind. */
export const RecordFile = z
  .strictObject({
    records: z.array(CatalogRecord).min(1),
  })
  .meta({ description: 'A file of catalog records (each record names its kind).' });

export const SourceEntry = z.strictObject({
  id: SourceId,
  title: LocalizedText,
  url: HttpsUrl.optional(),
  published: z.iso.date().optional().meta({ description: 'When this revision was published (YYYY-MM-DD)' }),
  rank: z.int().nonnegative().meta({
    description: 'Which source wins where two give a meaning for the same method: the higher rank is newer',
  }),
});
export type SourceEntry = z.infer<typeof SourceEntry>;

export const MethodEntry = z.strictObject({
  name: Method,
  verb: z.enum(['GET', 'POST']),
  path: z.string().startsWith('/'),
  title: LocalizedText,
  summary: LocalizedText,
});
export type MethodEntry = z.infer<typeof MethodEntry>;

/** data/api.yaml: facts about the API itself and the sources the records cite. */
export const ApiFile = z.strictObject({
  basePath: z.string().startsWith('/'),
  baseUrls: z.array(HttpsUrl).min(1),
  rateLimitPerSecond: z.int().positive(),
  contentType: z.string().min(1),
  modes: z.array(z.string().min(1)).min(1),
  methods: z
    .array(MethodEntry)
    .refine(
      (entries) => entries.length === METHODS.length && METHODS.every((m) => entries.some((e) => e.name === m)),
      `each method once: ${METHODS.join(', ')}`,
    ),
  sources: z.array(SourceEntry).min(1),
  links: z
    .strictObject({ docs: Link, enable: Link, support: Link })
    .meta({ description: 'Links every record may show: official docs, enabling cloud recording, the support ticket page' }),
});
export type ApiFile = z.infer<typeof ApiFile>;

/**
 * data/glossary.yaml: the terms the catalog's texts use, per language. Each
 * entry names the term to use and the words it replaces; `npm run check`
 * rejects a replaced word anywhere in a record's or api.yaml's texts (outside
 * `code spans`; search keywords are exempt: readers type every variant).
 */
export const GlossaryTerm = z
  .strictObject({
    use: z.string().trim().min(1).meta({ description: 'The term to write' }),
    avoid: z
      .array(z.string().trim().min(1))
      .min(1)
      .meta({ description: 'Words to write as `use` instead (matched as written, case included; Latin words as whole words)' }),
    why: z.string().trim().min(1).optional().meta({ description: 'Why this term: where Agora uses it, or what the other word gets wrong' }),
  })
  .meta({ description: 'One term choice' });
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

export const GlossaryFile = z
  .strictObject({
    zh: z.array(GlossaryTerm).default([]).meta({ description: 'Terms of the Chinese (zh-CN) texts' }),
    en: z.array(GlossaryTerm).default([]).meta({ description: 'Terms of the English texts' }),
  })
  .meta({ description: 'The glossary: per language, the term to use and the words it replaces.' });
export type GlossaryFile = z.infer<typeof GlossaryFile>;

/** The whole catalog, as the loader returns it. */
export type Catalog = {
  api: ApiFile;
  records: CatalogRecord[];
};

// ---------------------------------------------------------------------------
// Releases: data/releases.yaml, the history of the published versions, written
// by `npm run release` and read by the site (changes page, feeds, record dates)
// and the JSON API, so that no build ever needs the git history.

/** How much a release changes, in semver terms: `initial` is the first release. */
export const SEMVER_LEVELS = ['major', 'minor', 'patch'] as const;
export type SemverLevel = (typeof SEMVER_LEVELS)[number];

/**
 * What one change of a release is about. Each type has a semver level that the
 * release plan decides (a renamed constant is major, unless the old name stays
 * exported as a deprecated alias: then `constant-deprecated`, minor).
 */
export const CHANGE_TYPES = [
  'record-added',
  'record-removed',
  'constant-renamed',
  'constant-deprecated',
  'constant-revalued',
  'alias-removed',
  'export-added',
  'export-removed',
  'value-changed',
  'outcome-changed',
  'meaning-added',
  'meaning-removed',
  'meaning-changed',
  'field-added',
  'field-removed',
  'vocabulary-added',
  'vocabulary-removed',
  'lifecycle-changed',
  'facts-changed',
  'data-changed',
  'reworded',
  'keywords',
  'sources',
  'related',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** The groups a release's changes are listed in, in this order ("kinds of change"). */
export const CHANGE_GROUPS = ['breaking', 'added', 'deprecated', 'changed', 'texts'] as const;
export type ChangeGroup = (typeof CHANGE_GROUPS)[number];

const GROUP_OF_TYPE: Record<ChangeType, Exclude<ChangeGroup, 'breaking'>> = {
  'record-added': 'added',
  'meaning-added': 'added',
  'export-added': 'added',
  'field-added': 'added',
  'vocabulary-added': 'added',
  'constant-deprecated': 'deprecated',
  'lifecycle-changed': 'deprecated',
  'record-removed': 'changed',
  'constant-renamed': 'changed',
  'constant-revalued': 'changed',
  'alias-removed': 'changed',
  'export-removed': 'changed',
  'value-changed': 'changed',
  'outcome-changed': 'changed',
  'meaning-removed': 'changed',
  'meaning-changed': 'changed',
  'field-removed': 'changed',
  'vocabulary-removed': 'changed',
  'facts-changed': 'changed',
  'data-changed': 'changed',
  reworded: 'texts',
  keywords: 'texts',
  sources: 'texts',
  related: 'texts',
};

/** The group a change is listed in: every major change under `breaking`, the others by type. */
export const changeGroup = (change: { type: ChangeType; level: SemverLevel }): ChangeGroup =>
  change.level === 'major' ? 'breaking' : GROUP_OF_TYPE[change.type];

export const Version = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'a version major.minor.patch, e.g. 1.4.0')
  .meta({ description: 'A package version, major.minor.patch' });

export const ReleaseChange = z
  .strictObject({
    type: z.enum(CHANGE_TYPES),
    level: z.enum(SEMVER_LEVELS).meta({ description: 'The semver level this change requires' }),
    ref: Reference.optional().meta({ description: 'The record the change is about, as kind:id (it may no longer exist)' }),
    text: LocalizedText.meta({ description: 'The change in one sentence per language, as the changelog shows it' }),
  })
  .meta({ description: 'One change of a release' });
export type ReleaseChange = z.infer<typeof ReleaseChange>;

const LEVEL_RANK: Record<SemverLevel, number> = { patch: 0, minor: 1, major: 2 };

export const Release = z
  .strictObject({
    version: Version,
    date: z.iso.date('a date YYYY-MM-DD').meta({ description: 'The day of the release (YYYY-MM-DD)' }),
    commit: z
      .string()
      .regex(/^[0-9a-f]{7,40}$/, 'a git commit hash')
      .optional()
      .meta({ description: 'The commit whose catalog this release holds; the release plan compares with it when the tag v<version> is missing' }),
    bump: z.enum(['initial', ...SEMVER_LEVELS]).meta({ description: 'initial (the first release), or the highest level of its changes' }),
    summary: LocalizedText.optional().meta({ description: 'What the release is, in a sentence or two' }),
    changes: z.array(ReleaseChange).default([]),
  })
  .superRefine((release, ctx) => {
    if (release.bump === 'initial') return;
    const highest = release.changes.reduce<SemverLevel | undefined>(
      (top, c) => (!top || LEVEL_RANK[c.level] > LEVEL_RANK[top] ? c.level : top),
      undefined,
    );
    if (highest !== release.bump) {
      ctx.addIssue({
        code: 'custom',
        path: ['bump'],
        message: highest ? `the highest level of its changes (${highest})` : 'at least one change (a release without changes has nothing to publish)',
      });
    }
  })
  .meta({ description: 'One published version and what it changed' });
export type Release = z.infer<typeof Release>;

/** Compare two versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** data/releases.yaml: every release, newest first. */
export const ReleasesFile = z
  .strictObject({ releases: z.array(Release) })
  .superRefine((file, ctx) => {
    file.releases.forEach((release, i) => {
      const older = file.releases[i + 1];
      if (older && compareVersions(release.version, older.version) <= 0) {
        ctx.addIssue({ code: 'custom', path: ['releases', i, 'version'], message: `a version above the one after it (${older.version}): newest first` });
      }
      if (older && release.date < older.date) {
        ctx.addIssue({ code: 'custom', path: ['releases', i, 'date'], message: `a date on or after ${older.date} (the release after it in the file is older)` });
      }
      if (release.bump === 'initial' && i !== file.releases.length - 1) {
        ctx.addIssue({ code: 'custom', path: ['releases', i, 'bump'], message: 'a semver level: only the oldest release is initial' });
      }
    });
  })
  .meta({ description: 'The history of the package and catalog: each release, newest first.' });
export type ReleasesFile = z.infer<typeof ReleasesFile>;
// Search words (data/synonyms.yaml): sets of equivalent terms and filler words.

const SearchTerm = z.string().trim().min(1, 'a non-empty term').max(60, 'a term of at most 60 characters');

/** Which searches a synonym set applies to: one language's, or both. */
export const SYNONYM_SCOPES = ['zh', 'en', 'both'] as const;

/** Terms that mean the same thing to someone searching; the first is the set's canonical term. */
export const SynonymSet = z
  .strictObject({
    lang: z.enum(SYNONYM_SCOPES).meta({ description: 'zh, en, or both: the searches this set applies to' }),
    terms: z.array(SearchTerm).min(2, 'at least two terms (a set of one term says nothing)'),
  })
  .meta({ description: 'Equivalent search terms; the first is the one a query is read with' });
export type SynonymSet = z.infer<typeof SynonymSet>;

/** data/synonyms.yaml: synonym sets and, per language, the filler words a query is read without. */
export const SearchWordsFile = z
  .strictObject({
    synonyms: z.array(SynonymSet).min(1),
    fillers: z
      .strictObject({ zh: z.array(SearchTerm).min(1), en: z.array(SearchTerm).min(1) })
      .meta({ description: 'Words with no meaning in a search (how, do, 怎么办, 了), per language' }),
  })
  .meta({ description: 'The words of search: synonym sets and filler words' });
export type SearchWordsFile = z.infer<typeof SearchWordsFile>;
