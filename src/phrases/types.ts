/**
 * The package's own sentences in one language: how a next step, an outcome or
 * a note is put into words. What a code means never lives here; that comes
 * from the catalog. Each language is a module of its own (phrases/en.ts,
 * phrases/zh.ts), so that an entry point of one language carries only its own.
 */
import type { Locale, Method, RetryPolicy } from '../generated/types.ts';

export type Phrases = {
  locale: Locale;
  /** What separates two sentences: a space in English, nothing in Chinese. */
  sentenceGap: string;
  colon: string;
  period: string;
  /** Separators of a short list (", " / "、") and of its groups ("; " / "；"). */
  separator: { item: string; group: string };

  /** A next step as one sentence. */
  describeRetry: (p: RetryPolicy) => string;
  /** A next step as a short label, for tables. */
  retryLabel: (p: RetryPolicy) => string;

  /** What happened on a success (`sure`: false when the outcome is undecided: a body cut short, a value no source lists). */
  succeeded: (method: Method | undefined, sure: boolean) => string;
  /** `next` of a request that is done although its body names a code (435 on `stop`): sending it again cannot help. */
  doneAsIs: string;
  /** `next` of a task gone, on `stop`: nothing is left to stop (not "record again"). */
  stopGone: string;
  /** After "acquire again" on a method that acts on a running task: a new resource ID reaches none. */
  newIdNewRecording: (method: string) => string;
  successNext: { acquire: (expiresAfterSeconds: number | undefined) => string; start: string; /** A `stop` that succeeded without saying how the upload went. */ stop: string };
  /** `next` while a `query` state is not finished: poll again after `ms`. */
  pollAgain: (ms: number) => string;
  onMethod: (method: string) => string;
  /** On a method, a status's meaning that stands for one body code, read without that code. */
  onMethodStatusAlone: (method: string, status: number) => string;
  /** A state value read from the response: "`serverResponse.status` is 5". */
  stateAt: (at: string, value: string | number) => string;
  /** The service's own words, when they say more than the catalog. */
  serviceSays: (reason: string) => string;
  /** A success that holds a state value the catalog lacks. */
  unknownValue: (method: Method | undefined) => string;
  /** A state inside a success asks for a fix: of the recording's setup, not of this request. */
  fixConfiguration: string;
  /** No status, and nothing in the body to go on. */
  needMore: string;
  /** A code the sources give only on other methods, where the method's success lacks its field (435 on `start`, no `sid`). */
  notDocumentedHere: (method: string) => string;
  /** A body cut before the field that tells whether the method worked (`sid` on `start`, the state on `query`). */
  cutBefore: (method: string, name: string) => string;
  /** What to do about it: read the whole body; without the field, the step (its label). */
  cutBeforeNext: (name: string, step: string) => string;
  /** A body cut inside what may decide (its `code`, a state): read it whole. */
  readWhole: string;
  /**
   * Only the status is known, and on the method it stands for body codes that call for different steps: read the body,
   * each code's step (`byCode`), after the status alone's (`step`, its label) where that calls for something.
   */
  bodyDecides: (step: string | undefined, byCode: string) => string;

  notes: {
    unknownCode: (code: number) => string;
    unknownMessage: (message: string) => string;
    unknownState: (at: string, value: string | number) => string;
    unknownMethod: (value: string) => string;
    /** A body code the sources give only for other methods. */
    otherMethods: (method: Method, methods: readonly string[]) => string;
    /** The response's reason is the code's meaning on other methods, not on this one. */
    reasonOfOtherMethods: (method: Method, reason: string, methods: readonly string[]) => string;
    /** The request's HTTP verb is not its method's. */
    wrongVerb: (method: Method, verb: string, expected: string) => string;
    /** A `status` that is not one ("abc", 999). */
    unreadableStatus: (value: string) => string;
    fallbackToStatus: (status: number) => string;
    htmlBody: (status: number | undefined, title: string | undefined) => string;
    textBody: (status: number | undefined, text: string) => string;
    emptyBody: (status: number | undefined) => string;
    partialBody: string;
    /** The recording is stopping: its outputs and extensions that ended say nothing more (our reading). */
    partsEnded: string;
    /** Where a body cut short was cut (the path of the value being read). */
    cutInside: (at: string) => string;
    otherBody: string;
    missingField: (method: Method, fieldName: string) => string;
    dependsOnMethod: (byMethod: string) => string;
    retryAfter: (ms: number) => string;
    noStatus: string;
    /** A repeated `start` taken as done carries no `sid`. */
    noSid: string;
    /** Only the status was given (no body at all). */
    noBody: string;
    /** The body was passed unread (a stream, a promise, a fetch Response). */
    unreadBody: string;
  };
  /** Why a step is our advice, where no source gives it. */
  ours: {
    /** A Retry-After (ms) that outlasts a resource ID (its life in seconds): on `start`, a new one after the wait. */
    waitOutlastsResourceId: (ms: number, seconds: number) => string;
    /** A code's step kept on a method the sources do not give it for. */
    otherMethodsStep: string;
    /** The response's reason is the code's meaning on other methods, the method gives it another: a step that fits both. */
    reasonAndMethodDiffer: string;
    missingField: string;
    pageFromElsewhere: string;
    unknownCode: string;
    statusClass: string;
  };
  noInformation: string;
};

/**
 * The client's own words in one language (fromResponse, withRetry): kept
 * apart from Phrases so that a bundle of explain() alone does not carry them.
 */
export type ClientWords = {
  /** A request that got no answer (a network error, a time-out): what happened. */
  noAnswer: (method: Method, detail: string) => string;
  /** Why its next step is ours: no source speaks of a request without an answer. */
  noAnswerWhy: string;
  /** A wait longer than the client accepts. */
  waitTooLong: (ms: number, maxMs: number) => string;
  /** Every retry was sent and failed: how many requests, and the step after the retries (none: nothing more to try). */
  retriesUsed: (attempts: number, then: 'acquire-again' | 'contact-support' | 'fix-request' | undefined) => string;
  /** fromResponse() was given a Response whose body was read already. */
  bodyUsed: string;
  bodyUnreadable: (detail: string) => string;
};

/**
 * The command line's own words in one language: kept apart from Phrases so
 * that a bundle of explain() or the client does not carry them.
 */
export type CliWords = {
  /** Join a list: "a, b and c" / "a、b 和 c". */
  list: (items: readonly string[]) => string;
  /** Headings of the CLI's output. */
  label: {
    causes: string;
    actions: string;
    retry: string;
    next: string;
    /** The other kinds a number also names: "Also HTTP status 401". */
    also: string;
    kind: Record<string, string>;
  };
  /** What explain read of the response, after its answer: method, HTTP status, body code, message. */
  readAs: (parts: string) => string;
  /** No record found, and where to search instead. */
  unknown: (query: string) => string;
  searchSite: (url: string) => string;
  /** Before the records nearest to an unknown query. */
  nearest: string;
  /** Before the codes numerically closest to a number no record is near (9999). */
  closest: string;
  /** With --method, where steps and causes about other methods were left out, and the command that shows them all. */
  otherMethods: (method: string, command: string) => string;
  /** Several responses in one pasted text. */
  responses: (n: number) => string;
  /** After the first responses of a long text: how many more it holds, and the command that sums them up. */
  moreResponses: (n: number) => string;
  usageHint: string;
};
