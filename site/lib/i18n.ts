/**
 * The site's own words in both languages: navigation, headings, kind names and
 * the retry policy in words. The catalog's texts come from data/, never from here.
 */
import type { Kind, RetryPolicy } from '../../scripts/catalog/schema.ts';
import { describeRetry, retryLabel as packageRetryLabel } from '../../src/messages.ts';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The value of <html lang> and of hreflang for each language. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
export const OTHER_LANG: Record<Lang, Lang> = { zh: 'en', en: 'zh' };
/** The Open Graph locale of each language. */
export const OG_LOCALE: Record<Lang, string> = { zh: 'zh_CN', en: 'en_US' };
/** Each language's name, written in that language (for the language switch). */
export const LANG_NAME: Record<Lang, string> = { zh: '中文', en: 'English' };

export const isLang = (value: unknown): value is Lang => value === 'zh' || value === 'en';

/** The same page in another language: /en/errors/433/ → /zh/errors/433/. */
export const swapLang = (path: string, to: Lang): string => path.replace(/^\/(zh|en)(?=\/|$)/, `/${to}`);

/** Each kind's name in one language: a page script of one language (the diagnose box) imports only its own. */
export const KIND_LABELS_ZH: Record<Kind, string> = {
  'error-code': '错误码',
  'message-error': '网关错误消息',
  'http-status': 'HTTP 状态码',
  'service-state': '服务状态',
  'recording-status': '录制状态',
  'upload-status': '上传状态',
  'extension-state': '扩展服务状态',
  'output-status': '输出流状态',
};
export const KIND_LABELS_EN: Record<Kind, string> = {
  'error-code': 'Error code',
  'message-error': 'Gateway message',
  'http-status': 'HTTP status',
  'service-state': 'Service state',
  'recording-status': 'Recording status',
  'upload-status': 'Upload status',
  'extension-state': 'Extension state',
  'output-status': 'Output status',
};
export const kindLabel = (kind: Kind, lang: Lang): string => (lang === 'zh' ? KIND_LABELS_ZH : KIND_LABELS_EN)[kind];

/** Where a value of each kind is found in a response, in both languages. */
const KIND_WHERE: Record<Kind, { zh: string; en: string }> = {
  'error-code': { zh: '响应包体中的 `code`', en: '`code` in the response body' },
  'message-error': { zh: '响应包体中的 `message`（来自网关）', en: '`message` in the response body (from the gateway)' },
  'http-status': { zh: 'HTTP 响应状态码', en: 'the HTTP status of the response' },
  'service-state': { zh: '`query` 响应中的 `serverResponse.subServiceStatus`', en: '`serverResponse.subServiceStatus` in a `query` response' },
  'recording-status': { zh: '`query` 响应中的 `serverResponse.status`', en: '`serverResponse.status` in a `query` response' },
  'upload-status': { zh: '`stop` 响应中的 `serverResponse.uploadingStatus`', en: '`serverResponse.uploadingStatus` in a `stop` response' },
  'extension-state': { zh: '`query` 响应中的 `extensionServiceState[].payload.state`', en: '`extensionServiceState[].payload.state` in a `query` response' },
  'output-status': { zh: '`query` 响应中的 `outputs[].status`', en: '`outputs[].status` in a `query` response' },
};
export const kindWhere = (kind: Kind, lang: Lang): string => KIND_WHERE[kind][lang];

export const ui = {
  zh: {
    siteName: '声网云端录制错误码',
    siteTagline: '声网文档中列出的云端录制 RESTful API 错误码、HTTP 状态码与服务状态，中英双语。',
    skip: '跳到正文',
    home: '全部错误码',
    guides: '指南',
    diagnose: '诊断响应',
    search: '搜索',
    searchLabel: '搜索错误码、消息或关键词',
    searchPlaceholder: '433、invalid appid、资源 ID 过期…',
    language: '语言',
    switchTo: 'English',
    homeTitle: '声网云端录制错误码与状态',
    homeIntro: '下表列出目录中的每一条记录。点击代码查看它在各个方法上的含义、原因、处理办法和重试策略。',
    recordsCount: (n: number) => `共 ${n} 条记录`,
    shown: (n: number, total: number) => `显示 ${n} / ${total} 条`,
    filters: '筛选',
    filterKind: '类型',
    filterMethod: '方法',
    filterRetryable: '只看可重试（重试或重新 acquire）',
    all: '全部',
    colCode: '代码',
    colTitle: '名称',
    colKind: '类型',
    colMethods: '方法',
    colRetry: '重试',
    allMethods: '所有方法',
    methodsNotNamed: '未指明',
    stepByMethod: '因方法而异',
    none: '—',
    meaning: '各方法上的含义',
    meaningBySource: '各来源给出的含义',
    meaningLine: '每一行是一个来源在所列方法上给出的含义；来源说法不同时，“较新”标出较新的文档。',
    meaningHowTo: '如何阅读错误响应',
    newer: '较新',
    basisAgora: '声网文档如此说明',
    basisUs: '这是我们的建议',
    basisReading: '这是我们的理解',
    basisThen: '重试都失败后的下一步依据',
    basisThenUs: '重试都失败后的下一步是我们的建议',
    colMethod: '方法',
    colSource: '来源',
    colHttp: 'HTTP 状态',
    colReason: 'reason 字符串',
    colMeaning: '含义',
    colNext: '下一步',
    noMeanings: '文档没有按方法给出含义，参见上面的说明。',
    causes: '原因',
    actions: '怎么办',
    onMethods: '在 {methods} 上',
    readCode: '先看响应包体中的 `code`：',
    noCode: '没有 `code`',
    details: '详细信息',
    facts: '确切取值',
    factMaxBytes: '最大长度',
    factAllowed: '允许的字符',
    factExpires: '有效期',
    factHeaders: '请求头',
    factRps: '频率限制',
    bytes: (n: number) => `${n} 字节`,
    characters: (n: number) => `共 ${n} 个字符`,
    seconds: (n: number) => `${n} 秒`,
    perSecond: (n: number) => `每秒 ${n} 次请求`,
    related: '相关记录',
    sources: '来源',
    links: '相关链接',
    published: (d: string) => `发布于 ${d}`,
    lifecycle: '生命周期',
    lifecycleStatus: { current: '现行：当前文档仍在使用此记录。', legacy: '旧版：仅见于旧版文档或旧服务。', replaced: '已被取代' },
    replacedBy: '取代者：',
    snippet: '在代码中使用',
    snippetIntro: '用 npm 包中的常量代替硬编码的值：',
    snippetLang: 'TypeScript',
    fixGiven: '示例使用客户端已有的值：',
    before: '改之前：会遇到这个错误',
    after: '改之后：用 npm 包处理',
    copy: '复制',
    copied: '已复制',
    edit: '编辑此记录',
    where: '出现位置：',
    kindNav: (kind: string) => `${kind}：上一条和下一条`,
    previous: '上一条',
    next: '下一条',
    notFoundTitle: '找不到页面',
    notFoundText: '这个地址没有页面。可以搜索错误码，或查看全部错误码。',
    notInCatalog: '{code} 不在目录中。',
    notFoundPath: '{path} 没有页面。',
    nearest: '相近的记录',
    searchFor: '搜索“{q}”',
    toc: '本页内容',
    theme: '深色主题',
    guidesDescription: '声网云端录制 REST API 指南：读懂错误响应、重试、鉴权、频道名和录制生命周期。',
    searchShortcut: '按 / 或 Ctrl+K 搜索',
    searchTitle: '搜索',
    searchIntro: '输入错误码（如 433）、完整的错误消息（如 Invalid authentication credentials）或中英文关键词。',
    searchNoJs: '搜索需要 JavaScript。不开启 JavaScript 时，请在首页的表格中查找全部错误码。',
    results: (n: number) => `${n} 条结果`,
    noResults: '没有找到结果。',
    searching: '正在搜索…',
    moreResults: '显示更多结果',
    searchClosest: '没有页面包含全部这些词。最接近的记录：',
    kindGuide: '指南',
    searchAllFor: '“{q}”的全部结果',
    searchNothing: '没有找到与之相关的内容。可以查看',
    searchWholeTable: '全部错误码和状态',
    searchOr: '，或',
    searchFilteredKind: '全部包体错误码',
    searchFilteredMethod: '{m} 方法的全部记录',
    searchFailed: '搜索暂时不可用，请稍后再试。',
    guidesTitle: '指南',
    checkerLabel: '频道名',
    checkerButton: '检查',
    checkerOk: (bytes: number) => `可以使用：${bytes} 字节。`,
    checkerTooLong: (bytes: number, max: number) => `太长：${bytes} 字节，最多 ${max} 字节。`,
    checkerCharacter: (ch: string, position: number) => `第 ${position} 个字符（${ch}）不在允许的字符之内。`,
    checkerEmpty: '请输入频道名。',
    checkerNoJs: '检查器需要 JavaScript。',
    footerData: '数据来自声网官方文档，见每条记录的“来源”。',
    footerSitemap: '站点地图',
    footerApi: 'JSON API',
    openSearchName: 'Agora 录制错误码',
    openSearchDescription: '搜索声网云端录制 RESTful API 的错误码、HTTP 状态码与服务状态（中文）',
  },
  en: {
    siteName: 'Agora Cloud Recording codes',
    siteTagline: 'The error codes, HTTP statuses and service states Agora documents for the Cloud Recording REST API, in English and Chinese.',
    skip: 'Skip to content',
    home: 'All codes',
    guides: 'Guides',
    diagnose: 'Diagnose',
    search: 'Search',
    searchLabel: 'Search codes, messages or words',
    searchPlaceholder: '433, invalid appid, expired…',
    language: 'Language',
    switchTo: '中文',
    homeTitle: 'Agora Cloud Recording error codes and states',
    homeIntro: 'Every record of the catalog in one table. Open a code to see what it means on each method, why it happens, what to do and how to retry.',
    recordsCount: (n: number) => `${n} records`,
    shown: (n: number, total: number) => `Showing ${n} of ${total}`,
    filters: 'Filter',
    filterKind: 'Kind',
    filterMethod: 'Method',
    filterRetryable: 'Retryable only (retry or acquire again)',
    all: 'All',
    colCode: 'Code',
    colTitle: 'Title',
    colKind: 'Kind',
    colMethods: 'Methods',
    colRetry: 'Retry',
    allMethods: 'every method',
    methodsNotNamed: 'not named',
    stepByMethod: 'Depends on the method',
    none: '—',
    meaning: 'Meaning on each method',
    meaningBySource: 'Meaning in each source',
    meaningLine: 'Each row is one source’s meaning on the methods it names; where sources differ, “newer” marks the newer page.',
    meaningHowTo: 'Reading an error response',
    newer: 'newer',
    basisAgora: 'Agora says so',
    basisUs: 'We recommend this',
    basisReading: 'Our reading',
    basisThen: 'The step after the retries: Agora says so',
    basisThenUs: 'The step after the retries: we recommend this',
    colMethod: 'Methods',
    colSource: 'Source',
    colHttp: 'HTTP status',
    colReason: 'reason string',
    colMeaning: 'Meaning',
    colNext: 'Next step',
    noMeanings: 'The docs give no per-method meaning; see the summary above.',
    causes: 'Causes',
    actions: 'What to do',
    onMethods: 'On {methods}',
    readCode: 'Read the body `code`:',
    noCode: 'No body `code`',
    details: 'Details',
    facts: 'Exact values',
    factMaxBytes: 'Maximum length',
    factAllowed: 'Allowed characters',
    factExpires: 'Valid for',
    factHeaders: 'Headers',
    factRps: 'Rate limit',
    bytes: (n: number) => `${n} bytes`,
    characters: (n: number) => `${n} characters`,
    seconds: (n: number) => `${n} seconds`,
    perSecond: (n: number) => `${n} requests per second`,
    related: 'Related',
    sources: 'Sources',
    links: 'Links',
    published: (d: string) => `published ${d}`,
    lifecycle: 'Lifecycle',
    lifecycleStatus: { current: 'Current: the current docs still use this record.', legacy: 'Legacy: found only in older docs or older services.', replaced: 'Replaced' },
    replacedBy: 'Replaced by: ',
    snippet: 'Use it in code',
    snippetIntro: 'Use the constant from the npm package instead of a hard-coded value:',
    snippetLang: 'TypeScript',
    fixGiven: 'The examples use what a client already has:',
    before: 'Before: the code that runs into it',
    after: 'After: with the package',
    copy: 'Copy',
    copied: 'Copied',
    edit: 'Edit this record',
    where: 'Found in: ',
    kindNav: (kind: string) => `${kind}: previous and next`,
    previous: 'Previous',
    next: 'Next',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no page at this address. Search for a code, or browse every code.',
    notInCatalog: '{code} is not in the catalog.',
    notFoundPath: 'There is no page at {path}.',
    nearest: 'Nearest records',
    searchFor: 'Search for “{q}”',
    toc: 'On this page',
    theme: 'Dark theme',
    guidesDescription: 'Guides to the Agora Cloud Recording REST API: reading error responses, retries, authentication, channel names and the recording lifecycle.',
    searchShortcut: 'Press / or Ctrl+K to search',
    searchTitle: 'Search',
    searchIntro: 'Type a code (433), paste a whole error message (Invalid authentication credentials), or search by words.',
    searchNoJs: 'Search needs JavaScript. Without it, every code is listed in the table on the home page.',
    results: (n: number) => (n === 1 ? '1 result' : `${n} results`),
    noResults: 'No results.',
    searching: 'Searching…',
    moreResults: 'Show more results',
    searchClosest: 'No page has all of these words. The closest matches:',
    kindGuide: 'Guide',
    searchAllFor: 'Every result for “{q}”',
    searchNothing: 'Nothing matches. See',
    searchWholeTable: 'every code and state',
    searchOr: ', or',
    searchFilteredKind: 'every body error code',
    searchFilteredMethod: 'every record of {m}',
    searchFailed: 'Search is unavailable right now; try again in a moment.',
    guidesTitle: 'Guides',
    checkerLabel: 'Channel name',
    checkerButton: 'Check',
    checkerOk: (bytes: number) => `OK: ${bytes} bytes.`,
    checkerTooLong: (bytes: number, max: number) => `Too long: ${bytes} bytes, at most ${max}.`,
    checkerCharacter: (ch: string, position: number) => `Character ${position} (${ch}) is not one of the allowed characters.`,
    checkerEmpty: 'Type a channel name.',
    checkerNoJs: 'The checker needs JavaScript.',
    footerData: 'The facts come from Agora’s documentation; each record lists its sources.',
    footerSitemap: 'Sitemap',
    footerApi: 'JSON API',
    openSearchName: 'Agora Rec Codes',
    openSearchDescription: 'Search the error codes, HTTP statuses and service states of the Agora Cloud Recording REST API (English)',
  },
} as const;

export type UI = (typeof ui)['en'];
export const t = (lang: Lang): UI => ui[lang] as unknown as UI;

// The retry policy in words: the package's own wording, so the site and
// explain() say the same thing. The catalog's policy carries its basis in both
// languages; the words do not depend on it (the page says the basis apart).
type PackagePolicy = Parameters<typeof describeRetry>[0];
const wordsOf = (p: RetryPolicy): PackagePolicy => {
  const { basis: _basis, ...rest } = p;
  return rest as PackagePolicy;
};
export const retryText = (p: RetryPolicy, lang: Lang): string => describeRetry(wordsOf(p), lang);
export const retryLabel = (p: RetryPolicy, lang: Lang): string => packageRetryLabel(wordsOf(p), lang);
/**
 * A step the body code decides, as a short label: each code's step, codes with
 * the same step together ("code 65: Retry (1 s, 3 s, 6 s); code 435: Nothing to do").
 */
export function codeStepsLabel(byCode: readonly { codes: number[]; policy: RetryPolicy }[], lang: Lang): string {
  const labels = new Map<string, number[]>();
  for (const c of byCode) {
    const label = retryLabel(c.policy, lang);
    labels.set(label, [...(labels.get(label) ?? []), ...c.codes]);
  }
  return [...labels].map(([label, codes]) => `code ${codes.join('/')}${lang === 'zh' ? '：' : ': '}${label}`).join(lang === 'zh' ? '；' : '; ');
}

/** The language of the page being rendered, from its [lang] route parameter or Astro's i18n. */
export function pageLang(astro: { params: Record<string, string | undefined>; currentLocale?: string | undefined }): Lang {
  const lang = astro.params.lang ?? astro.currentLocale;
  if (!isLang(lang)) throw new Error(`cannot tell the language of this page (${String(lang)})`);
  return lang;
}

/** The heading of a guide's summary (InOneMinute.astro), also its first entry in the table of contents. */
export const IN_ONE_MINUTE: Record<Lang, string> = { zh: '一分钟速览', en: 'In one minute' };
/** The heading of a guide's list of sources (SourceList.astro), also its last entry in the table of contents. */
export const GUIDE_SOURCES: Record<Lang, string> = { zh: '来源', en: 'Sources' };
