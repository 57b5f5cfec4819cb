/**
 * The package's own sentences (how a retry policy or a diagnosis is put into
 * words), in each language. What a code means is never written here: that
 * comes from the catalog.
 */
import type { Locale, RetryPolicy } from './generated/types.ts';

type Phrases = {
  /** What separates two sentences: a space in English, nothing in Chinese. */
  sentenceGap: string;
  colon: string;
  period: string;
  /** Headings of the CLI's output. */
  label: { onThisMethod: string; causes: string; actions: string; retry: string; next: string };
  unknownCode: (code: number) => string;
  unknownMessage: (message: string) => string;
  fallbackToStatus: (status: number) => string;
  htmlBody: string;
  unreadableBody: string;
  noInformation: string;
  success: string;
  onMethod: (method: string) => string;
};

export const PHRASES: Record<Locale, Phrases> = {
  en: {
    sentenceGap: ' ',
    colon: ': ',
    period: '.',
    label: { onThisMethod: 'On this method', causes: 'Causes:', actions: 'What to do:', retry: 'Retry:', next: 'Next:' },
    unknownCode: (code) => `Body code ${code} is not in the catalog.`,
    unknownMessage: (message) => `The message "${message}" is not in the catalog.`,
    fallbackToStatus: (status) => `Falling back to the meaning of HTTP ${status}.`,
    htmlBody: 'The body is an HTML page, not the API\'s JSON: the request probably did not reach the Cloud Recording service (check the URL and method).',
    unreadableBody: 'The body is not JSON the API sends.',
    noInformation: 'The response carries no status, code or message to explain.',
    success: 'The request succeeded.',
    onMethod: (method) => `On \`${method}\``,
  },
  zh: {
    sentenceGap: '',
    colon: '：',
    period: '。',
    label: { onThisMethod: '在此方法上', causes: '原因：', actions: '处理：', retry: '重试：', next: '下一步：' },
    unknownCode: (code) => `目录中没有包体错误码 ${code}。`,
    unknownMessage: (message) => `目录中没有消息 "${message}"。`,
    fallbackToStatus: (status) => `以下按 HTTP ${status} 的含义解释。`,
    htmlBody: '响应包体是 HTML 页面而不是 API 的 JSON：请求可能没有到达云端录制服务（请检查 URL 和 HTTP 方法）。',
    unreadableBody: '响应包体不是 API 返回的 JSON。',
    noInformation: '响应中没有可解释的状态码、错误码或消息。',
    success: '请求成功。',
    onMethod: (method) => `在 \`${method}\` 上`,
  },
};

const THEN: Record<'acquire-again' | 'contact-support' | 'fix-request', Record<Locale, string>> = {
  'acquire-again': { zh: '重新调用 `acquire` 获取新的 resource ID', en: 'call `acquire` again for a new resource ID' },
  'contact-support': { zh: '联系声网技术支持', en: 'contact Agora support' },
  'fix-request': { zh: '检查并修正请求', en: 'check and correct the request' },
};

const waits = (delays: readonly number[], locale: Locale): string =>
  locale === 'zh'
    ? delays.map((d, i) => `${i === 0 ? '先等待' : '再等待'} ${d} 毫秒`).join('，')
    : delays.map((d, i) => `${i === 0 ? 'after' : 'then'} ${d} ms`).join(', ');

type Then = keyof typeof THEN;
const thenOf = (p: RetryPolicy): Then | undefined =>
  p.action === 'retry' || p.action === 'fix-request' || p.action === 'fix-credentials' || p.action === 'fix-account' ? p.then : undefined;

/**
 * A retry policy as one sentence: "Retry the same request with the same
 * resource ID after 3000 ms, then 6000 ms; if it still fails, call `acquire`
 * again for a new resource ID." May hold `code spans`.
 */
export function describeRetry(p: RetryPolicy, locale: Locale): string {
  const zh = locale === 'zh';
  const next = thenOf(p);
  const then = next ? (zh ? `；如仍失败，${THEN[next].zh}` : `; if it still fails, ${THEN[next].en}`) : '';
  switch (p.action) {
    case 'none':
      return zh ? '无需处理。' : 'Nothing to do.';
    case 'poll':
      return zh ? '尚未完成：稍后再调用 `query` 查看状态。' : 'Not finished yet: call `query` again later.';
    case 'already-done':
      return zh ? '请求要做的事已经生效，按成功处理，不要重复发送。' : 'What the request asked for is already in place: treat it as success and do not send it again.';
    case 'retry': {
      const same =
        p.sameResourceId === true
          ? zh ? '（使用同一个 resource ID）' : ' with the same resource ID'
          : p.sameResourceId === false
            ? zh ? '（使用新的 resource ID）' : ' with a new resource ID'
            : '';
      const when = zh ? `，${waits(p.delaysMs, locale)}后重试` : ` ${waits(p.delaysMs, locale)}`;
      return zh ? `重试同一请求${same}${when}${then}。` : `Retry the same request${same}${when}${then}.`;
    }
    case 'acquire-again':
      return zh ? '重新调用 `acquire` 获取新的 resource ID，再用它调用 `start`。' : 'Call `acquire` again for a new resource ID, then call `start` with it.';
    case 'fix-request':
      return (zh ? '修正请求后再发送' : 'Correct the request, then send it again') + then + (zh ? '。' : '.');
    case 'fix-credentials':
      return (zh ? '核对 Customer ID、Customer Secret 和 `Authorization: Basic …` 请求头后再发送' : 'Check the Customer ID, the Customer Secret and the `Authorization: Basic …` header, then send the request again') + then + (zh ? '。' : '.');
    case 'fix-account':
      return (zh ? '在声网控制台核对 App ID 和项目设置（是否开通云端录制、账户状态、配额）后再发送' : 'Check the App ID and the project settings in Agora Console (Cloud Recording enabled, account status, quotas), then send the request again') + then + (zh ? '。' : '.');
    case 'gone':
      return zh ? '录制任务已不存在，重试没有用；如需录制，重新调用 `acquire` 和 `start`。' : 'The recording task no longer exists, so retrying cannot help; to record, call `acquire` and `start` again.';
    case 'contact-support':
      return zh ? '联系声网技术支持（提交工单）。' : 'Contact Agora support (open a ticket).';
  }
}

/** A retry policy as a short label, for tables: "Retry (3000, 6000 ms)". */
export function retryLabel(p: RetryPolicy, locale: Locale): string {
  const zh = locale === 'zh';
  switch (p.action) {
    case 'none':
      return zh ? '无需处理' : 'Nothing to do';
    case 'poll':
      return zh ? '稍后再查询' : 'Query again later';
    case 'already-done':
      return zh ? '已生效' : 'Already done';
    case 'retry':
      return zh ? `重试（${p.delaysMs.join('、')} 毫秒）` : `Retry (${p.delaysMs.join(', ')} ms)`;
    case 'acquire-again':
      return zh ? '重新 acquire' : 'Acquire again';
    case 'fix-request':
      return zh ? '修正请求' : 'Fix the request';
    case 'fix-credentials':
      return zh ? '修正认证信息' : 'Fix the credentials';
    case 'fix-account':
      return zh ? '修正账号设置' : 'Fix the account';
    case 'gone':
      return zh ? '任务已不存在' : 'Task gone';
    case 'contact-support':
      return zh ? '联系技术支持' : 'Contact support';
  }
}
