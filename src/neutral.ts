/**
 * Everything of the package that speaks no language: the constants, their
 * guards and reverse maps, the methods and kinds, the next step of a code
 * (retryPolicy), the outcomes, the channel-name rule and the pages (docUrl).
 * Every entry point exports it; none of it carries a text, so importing any
 * of it costs no language.
 */
export * from './constants.ts';
export { validateChannelName, CHANNEL_NAME, type ChannelNameCheck } from './channel-name.ts';
export {
  docUrl,
  normalizeQuery,
  METHODS,
  METHOD_VERBS,
  type BriefRecord,
  type CatalogRecord,
  type RecordOfKind,
  type Kind,
  type Locale,
  type Meaning,
  type Method,
  type RetryPolicy,
  type LookupOptions,
} from './records.ts';
export { retryPolicy } from './retry-policy.ts';
export type { Basis, ClientError, Diagnosis, ExplainArgument, ExplainInput, ExplainOptions, HeadersLike, ParsedBody, StateReading } from './explain.ts';
export { OUTCOME_KINDS, POLL_AFTER_MS, type Outcome, type OutcomeKind } from './outcome.ts';
export { RecordingError, type FromResponseOptions, type RetryEvent, type WithRetryOptions } from './client.ts';
