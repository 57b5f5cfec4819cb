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

export const SOURCE_IDS = ['seed', 'ce-en', 'sc', 'query', 'older-docs', 'clients'] as const;
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

/** Where a policy comes from: Agora says so (in that source), or it is our recommendation (and why). */
export const Basis = z
  .union([
    z.strictObject({ source: SourceId.meta({ description: 'The source that says so (ids in data/api.yaml)' }) }),
    z.strictObject({ recommendation: LocalizedText.meta({ description: 'Our advice, not Agora\'s: one line on why' }) }),
  ])
  .meta({ description: 'Where the advice comes from: {source: id} when a source says so, {recommendation: {zh, en}} when it is ours.' });
export type Basis = z.infer<typeof Basis>;

const step = <A extends RetryAction, S extends z.ZodRawShape>(action: A, shape: S) =>
  z
    .strictObject({ action: z.literal(action), ...shape, basis: Basis.optional() })
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
    reason: z.string().min(1).optional().meta({ description: 'The `reason` (or message) string exactly as the API sends it' }),
    text: LocalizedText.meta({ description: 'What it means here, in both languages' }),
    retry: RetryPolicy.optional(),
  })
  .meta({ description: 'One meaning of the record on some methods, per one source.' });
export type Meaning = z.infer<typeof Meaning>;

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
  })
  .meta({ description: 'Exact values that the package and the upstream check use' });

const Hash = z.string().regex(/^[0-9a-f]{12}$/, 'a 12-character hex hash written by `npm run translations:reviewed`');

/** The fields every record has, whatever its kind. */
const recordFields = {
  constant: Constant,
  title: LocalizedText.meta({ description: 'A short name, shown as the heading' }),
  summary: LocalizedText.meta({ description: 'One or two sentences: what it means' }),
  causes: z.array(LocalizedText).default([]).meta({ description: 'Why it happens, one cause each' }),
  actions: z.array(LocalizedText).default([]).meta({ description: 'What to do, one step each' }),
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

/** The whole catalog, as the loader returns it. */
export type Catalog = {
  api: ApiFile;
  records: CatalogRecord[];
};
