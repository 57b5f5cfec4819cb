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

const THEN: Record<NonNullable<RetryPolicy['then']>, Record<Locale, string>> = {
  'acquire-again': { zh: '重新调用 `acquire` 获取新的 resource ID', en: 'call `acquire` again for a new resource ID' },
  'contact-support': { zh: '联系声网技术支持', en: 'contact Agora support' },
  'fix-request': { zh: '检查并修正请求', en: 'check and correct the request' },
};

const waits = (delays: number[], locale: Locale): string =>
  locale === 'zh'
    ? delays.map((d, i) => `${i === 0 ? '先等待' : '再等待'} ${d} 毫秒`).join('，')
    : delays.map((d, i) => `${i === 0 ? 'after' : 'then'} ${d} ms`).join(', ');

/**
 * A retry policy as one sentence: "Retry the same request with the same
 * resource ID after 3000 ms, then 6000 ms; if it still fails, call `acquire`
 * again for a new resource ID." May hold `code spans`.
 */
export function describeRetry(p: RetryPolicy, locale: Locale): string {
  const zh = locale === 'zh';
  const then = p.then ? (zh ? `；如仍失败，${THEN[p.then].zh}` : `; if it still fails, ${THEN[p.then].en}`) : '';
  const same =
    p.sameResourceId === true
      ? zh ? '（使用同一个 resource ID）' : ' with the same resource ID'
      : p.sameResourceId === false
        ? zh ? '（使用新的 resource ID）' : ' with a new resource ID'
        : '';
  const when = p.delaysMs?.length
    ? zh ? `，${waits(p.delaysMs, locale)}后重试` : ` ${waits(p.delaysMs, locale)}`
    : p.backoff
      ? zh ? '，每次重试前逐步延长等待时间（退避）' : ', waiting longer before each retry (backoff)'
      : '';
  switch (p.action) {
    case 'none':
      return zh ? '无需处理：这不是错误。' : 'Nothing to do: this is not an error.';
    case 'do-not-retry':
      return (zh ? '不要重试：重新发送同一请求无济于事' : 'Do not retry: sending the same request again cannot help') + then + (zh ? '。' : '.');
    case 'fix-request':
      return zh ? '修正请求后再发送。' : 'Correct the request, then send it again.';
    case 'fix-account':
      return zh ? '在声网控制台修正 App ID 或项目设置后，再发送请求。' : 'Fix the App ID or the project settings in Agora Console, then send the request again.';
    case 'retry':
      return zh ? `重试同一请求${same}${when}${then}。` : `Retry the same request${same}${when}${then}.`;
    case 'acquire-again':
      return zh ? '重新调用 `acquire` 获取新的 resource ID，再用它调用 `start`。' : 'Call `acquire` again for a new resource ID, then call `start` with it.';
    case 'wait':
      return zh
        ? `稍后再查询${p.delaysMs?.length ? `（${waits(p.delaysMs, locale)}）` : ''}${then}。`
        : `Wait, then query again${p.delaysMs?.length ? ` ${waits(p.delaysMs, locale)}` : ''}${then}.`;
    case 'contact-support':
      return zh ? '联系声网技术支持（提交工单）。' : 'Contact Agora support (open a ticket).';
  }
}

/** A retry policy as a short label, for tables: "Retry (3000, 6000 ms)". */
export function retryLabel(p: RetryPolicy, locale: Locale): string {
  const zh = locale === 'zh';
  const delays = p.delaysMs?.length ? (zh ? `（${p.delaysMs.join('、')} 毫秒）` : ` (${p.delaysMs.join(', ')} ms)`) : '';
  switch (p.action) {
    case 'none':
      return zh ? '无需处理' : 'Nothing to do';
    case 'do-not-retry':
      return zh ? '不要重试' : 'Do not retry';
    case 'fix-request':
      return zh ? '修正请求' : 'Fix the request';
    case 'fix-account':
      return zh ? '修正账号设置' : 'Fix the account';
    case 'retry':
      return (zh ? '重试' : 'Retry') + (delays || (p.backoff ? (zh ? '（退避）' : ' (backoff)') : ''));
    case 'acquire-again':
      return zh ? '重新 acquire' : 'Acquire again';
    case 'wait':
      return (zh ? '等待' : 'Wait') + delays;
    case 'contact-support':
      return zh ? '联系技术支持' : 'Contact support';
  }
}
