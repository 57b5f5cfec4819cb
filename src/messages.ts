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
  ms: (n: number) => string;
  list: (items: string[]) => string;
  action: Record<RetryPolicy['action'], string>;
  retryAfter: (delays: string) => string;
  backoff: string;
  sameResourceId: string;
  newResourceId: string;
  then: Record<NonNullable<RetryPolicy['then']>, string>;
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
    ms: (n) => `${n} ms`,
    list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}, then ${items[items.length - 1]}`),
    action: {
      none: 'Nothing to do: this is not an error.',
      'do-not-retry': 'Do not send the request again: it cannot change the outcome.',
      'fix-request': 'Fix the request, then send it again.',
      'fix-account': 'Fix the App ID or project settings in Agora Console; retrying as is will not help.',
      retry: 'Send the same request again.',
      'acquire-again': 'Call `acquire` for a new resource ID, then `start` with it.',
      wait: 'Wait, then query again.',
      'contact-support': 'Contact Agora support.',
    },
    retryAfter: (delays) => `Retry after ${delays}.`,
    backoff: 'Retry with exponential backoff (the docs give no delays).',
    sameResourceId: 'Keep the same resource ID.',
    newResourceId: 'Do not reuse the resource ID.',
    then: {
      'acquire-again': 'If every retry fails, call `acquire` again and `start` with the new resource ID.',
      'contact-support': 'If every retry fails, contact Agora support.',
      'fix-request': 'If every retry fails, check the request.',
    },
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
    ms: (n) => `${n} 毫秒`,
    list: (items) => items.join('、'),
    action: {
      none: '无需处理：这不是错误。',
      'do-not-retry': '不要重复发送该请求：重试不会改变结果。',
      'fix-request': '修正请求后再发送。',
      'fix-account': '请在声网控制台检查 App ID 或项目设置；原样重试没有用。',
      retry: '重新发送同一请求。',
      'acquire-again': '重新调用 `acquire` 获取新的 resource ID，再用它调用 `start`。',
      wait: '稍候再查询。',
      'contact-support': '请联系声网技术支持。',
    },
    retryAfter: (delays) => `依次等待 ${delays}后各重试一次。`,
    backoff: '使用指数退避重试（文档未给出具体间隔）。',
    sameResourceId: '使用同一个 resource ID。',
    newResourceId: '不要复用该 resource ID。',
    then: {
      'acquire-again': '若重试均失败，重新调用 `acquire`，再用新的 resource ID 调用 `start`。',
      'contact-support': '若重试均失败，请联系声网技术支持。',
      'fix-request': '若重试均失败，请检查请求。',
    },
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

/** A retry policy in words: "Send the same request again. Retry after 3000 ms, then 6000 ms. …" */
export function describeRetry(policy: RetryPolicy, locale: Locale): string {
  const p = PHRASES[locale];
  const parts = [p.action[policy.action]];
  if (policy.delaysMs?.length) parts.push(p.retryAfter(p.list(policy.delaysMs.map(p.ms))));
  else if (policy.backoff) parts.push(p.backoff);
  if (policy.sameResourceId === true) parts.push(p.sameResourceId);
  if (policy.sameResourceId === false) parts.push(p.newResourceId);
  if (policy.then) parts.push(p.then[policy.then]);
  return parts.join(p.sentenceGap);
}
