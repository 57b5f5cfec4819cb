/**
 * Type tests (checked by tsc through vitest --typecheck): literal constants,
 * literal unions, narrowing on kind.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { ErrorCode, HttpStatus, ServiceState, GatewayMessage, RecordingStatus, explain, lookup, retryPolicy, validateChannelName, type CatalogRecord, type RetryPolicy } from '../../src/index.ts';
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
