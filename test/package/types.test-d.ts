/**
 * Type tests (checked by tsc through vitest --typecheck): literal constants,
 * literal unions, narrowing on kind.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  ErrorCode,
  ErrorCodeName,
  HttpStatus,
  HttpStatusName,
  ServiceState,
  ServiceStateName,
  GatewayMessage,
  RecordingStatus,
  RecordingStatusName,
  explain,
  fromResponse,
  isErrorCode,
  isExtensionState,
  isGatewayMessage,
  isHttpStatus,
  isOutputStatus,
  isRecordingStatus,
  isServiceState,
  isUploadStatus,
  lookup,
  RecordingError,
  retryPolicy,
  validateChannelName,
  withRetry,
  type BriefRecord,
  type CatalogRecord,
  type Diagnosis,
  type ExplainInput,
  type ExtensionState,
  type Method,
  type Outcome,
  type OutcomeKind,
  type OutputStatus,
  type RetryPolicy,
  type UploadStatus,
  type WithRetryOptions,
} from '../../src/index.ts';
import { ErrorCode as ErrorCodeOnly } from '../../src/constants.ts';

describe('constants are literal types', () => {
  it('ErrorCode.RESOURCE_ID_EXPIRED is the literal 433', () => {
    expectTypeOf(ErrorCode.RESOURCE_ID_EXPIRED).toEqualTypeOf<433>();
    expectTypeOf(ErrorCodeOnly.REQUEST_NOT_COMPLETED).toEqualTypeOf<65>();
    expectTypeOf(HttpStatus.PARTIAL_CONTENT).toEqualTypeOf<206>();
    expectTypeOf(ServiceState.SERVICE_IDLE).toEqualTypeOf<'serviceIdle'>();
    expectTypeOf(GatewayMessage.INVALID_AUTHENTICATION_CREDENTIALS).toEqualTypeOf<'Invalid authentication credentials'>();
    expectTypeOf(RecordingStatus.IN_PROGRESS).toEqualTypeOf<5>();
  });
  it('a former name (deprecated alias) keeps the literal type of the value', () => {
    expectTypeOf(ErrorCode.INVALID_CHANNEL_NAME).toEqualTypeOf<401>();
    expectTypeOf(ErrorCode.CHANNEL_NAME_UNSUPPORTED_CHARACTERS).toEqualTypeOf<401>();
    expectTypeOf(GatewayMessage.UNAUTHORIZED).toEqualTypeOf<'Unauthorized'>();
    expectTypeOf(RecordingStatus.RECORDING_IN_PROGRESS).toEqualTypeOf<5>();
  });
  it('each group is also a union type of its values', () => {
    expectTypeOf<433>().toExtend<ErrorCode>();
    expectTypeOf<434>().not.toExtend<ErrorCode>();
    expectTypeOf<'serviceIdle'>().toExtend<ServiceState>();
    expectTypeOf<'serviceBusy'>().not.toExtend<ServiceState>();
  });
});

describe('records narrow on kind', () => {
  it('a message error has a message; a body code has a numeric code', () => {
    const record = lookup(433);
    expectTypeOf(record).toEqualTypeOf<CatalogRecord | undefined>();
    if (record?.kind === 'message-error') {
      expectTypeOf(record.message).toEqualTypeOf<string>();
      expectTypeOf(record.code).toEqualTypeOf<string>();
    }
    if (record?.kind === 'error-code') {
      expectTypeOf(record.code).toEqualTypeOf<number>();
      // @ts-expect-error only message errors have a message
      void record.message;
    }
  });
  it('functions take only what the API knows', () => {
    expectTypeOf(retryPolicy).parameter(1).toEqualTypeOf<'acquire' | 'start' | 'query' | 'update' | 'updateLayout' | 'stop' | undefined>();
    expectTypeOf(retryPolicy(65, 'start')).toEqualTypeOf<RetryPolicy | undefined>();
    expectTypeOf(explain({ status: 206 }).retry.retryable).toEqualTypeOf<boolean>();
    const check = validateChannelName('room');
    if (!check.ok && check.reason === 'character') expectTypeOf(check.index).toEqualTypeOf<number>();
    if (!check.ok && check.reason === 'too-long') expectTypeOf(check.maxBytes).toEqualTypeOf<number>();
  });
});

describe('explain and the client are typed for switching on', () => {
  it('method is the Method union, not any string', () => {
    expectTypeOf<ExplainInput['method']>().toEqualTypeOf<Method | undefined>();
    // @ts-expect-error a typo does not compile
    explain({ status: 206, method: 'strat' });
    // @ts-expect-error not a method of the API
    withRetry(() => fetch('https://example.com'), { method: 'resume' });
  });

  it('the outcome is a discriminated union: each branch carries what it needs', () => {
    const { outcome } = explain({ status: 206, body: { code: 65 }, method: 'start' });
    expectTypeOf(outcome.kind).toEqualTypeOf<OutcomeKind>();
    switch (outcome.kind) {
      case 'retry':
        expectTypeOf(outcome.delaysMs).toEqualTypeOf<number[]>();
        expectTypeOf(outcome.then).toEqualTypeOf<'acquire-again' | 'contact-support' | 'fix-request' | undefined>();
        expectTypeOf(outcome.retryAfterMs).toEqualTypeOf<number | undefined>();
        break;
      case 'in-progress':
        expectTypeOf(outcome.pollAfterMs).toEqualTypeOf<number>();
        break;
      case 'gone':
        // @ts-expect-error only a retry has delays
        void outcome.delaysMs;
        break;
    }
    expectTypeOf<Extract<Outcome, { kind: 'acquire-again' }>>().toEqualTypeOf<{ kind: 'acquire-again' }>();
  });

  it('a retry policy is a discriminated union on action: delays exist only on retry, and always there', () => {
    const policy = retryPolicy(65, 'start')!;
    if (policy.action === 'retry') expectTypeOf(policy.delaysMs).toEqualTypeOf<number[]>();
    // @ts-expect-error delaysMs is not on every policy
    void policy.delaysMs;
    expectTypeOf<Extract<RetryPolicy, { action: 'fix-request' }>['then']>().toEqualTypeOf<'contact-support' | undefined>();
  });

  it('a guard per constant group turns a wire value into its literal union', () => {
    const wire: unknown = JSON.parse('{"code":433}').code;
    if (isErrorCode(wire)) expectTypeOf(wire).toEqualTypeOf<ErrorCode>();
    const n = 404 as number;
    if (isHttpStatus(n)) expectTypeOf(n).toEqualTypeOf<HttpStatus>();
    const s = 'serviceIdle' as string;
    if (isServiceState(s)) expectTypeOf(s).toEqualTypeOf<ServiceState>();
    if (isGatewayMessage(s)) expectTypeOf(s).toEqualTypeOf<GatewayMessage>();
    if (isRecordingStatus(n)) expectTypeOf(n).toEqualTypeOf<RecordingStatus>();
    if (isUploadStatus(s)) expectTypeOf(s).toEqualTypeOf<UploadStatus>();
    if (isExtensionState(s)) expectTypeOf(s).toEqualTypeOf<ExtensionState>();
    if (isOutputStatus(s)) expectTypeOf(s).toEqualTypeOf<OutputStatus>();
  });

  it('reverse maps give the constant name of a value, as a literal', () => {
    expectTypeOf(ErrorCodeName[433]).toEqualTypeOf<'RESOURCE_ID_EXPIRED'>();
    expectTypeOf(HttpStatusName[206]).toEqualTypeOf<'PARTIAL_CONTENT'>();
    expectTypeOf(ServiceStateName.serviceAbnormal).toEqualTypeOf<'SERVICE_ABNORMAL'>();
    expectTypeOf(RecordingStatusName[20]).toEqualTypeOf<'EXITED_ABNORMALLY'>();
  });

  it('the client: fromResponse and withRetry take a Method; RecordingError carries the decision', () => {
    expectTypeOf(fromResponse).parameter(1).toEqualTypeOf<Method>();
    expectTypeOf(fromResponse).returns.toEqualTypeOf<Promise<Diagnosis>>();
    expectTypeOf(withRetry(() => fetch('https://api.sd-rtn.com'), { method: 'query' })).toEqualTypeOf<Promise<Response>>();
    // Another client's response comes back as it is (axios: `{ status, data }`).
    expectTypeOf(withRetry(async () => ({ status: 200, data: { sid: 's' } }), { method: 'start' })).toEqualTypeOf<Promise<{ status: number; data: { sid: string } }>>();
    expectTypeOf<WithRetryOptions['sleep']>().toEqualTypeOf<((ms: number, signal?: AbortSignal) => Promise<void>) | undefined>();
    const e = new RecordingError(explain({ status: 400, body: { code: 433 } }), 'start', { kind: 'acquire-again' }, 1);
    expectTypeOf(e.outcome).toEqualTypeOf<Outcome>();
    expectTypeOf(e.method).toEqualTypeOf<Method>();
    expectTypeOf(e.code).toEqualTypeOf<number | undefined>();
    expectTypeOf(e.retryable).toEqualTypeOf<boolean>();
    expectTypeOf(e).toExtend<Error>();
  });
});

describe('explain() serves records in brief, lookup() whole', () => {
  it('a BriefRecord has no causes, actions or links; lookup(record.ref) gives the CatalogRecord', async () => {
    const { explain: explainEn, lookup: lookupEn } = await import('../../src/en.ts');
    const d = explainEn({ status: 400, body: { code: 433 } });
    expectTypeOf(d.record).toEqualTypeOf<BriefRecord | undefined>();
    expectTypeOf(d.records).toEqualTypeOf<BriefRecord[]>();
    if (d.record) {
      expectTypeOf(d.record.title).toEqualTypeOf<string>();
      expectTypeOf(d.record.urls).toEqualTypeOf<{ zh: string; en: string }>();
      // @ts-expect-error causes are in the whole record only
      void d.record.causes;
      expectTypeOf(lookupEn(d.record.ref)).toEqualTypeOf<CatalogRecord | undefined>();
    }
    if (d.record?.kind === 'message-error') expectTypeOf(d.record.message).toEqualTypeOf<string>();
  });
  it('a one-language entry point takes no locale', async () => {
    const { explain: explainZh } = await import('../../src/zh.ts');
    // @ts-expect-error /zh speaks Chinese only
    explainZh({ status: 401 }, { locale: 'en' });
  });
});
