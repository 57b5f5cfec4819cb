/**
 * 本包自己的句子（简体中文），见 types.ts。
 */
import type { RetryPolicy } from '../generated/types.ts';
import type { ClientWords, CliWords, Phrases } from './types.ts';

const THEN = {
  'acquire-again': '重新调用 `acquire` 获取新的 resource ID，再调用 `start`',
  'contact-support': '联系声网技术支持',
  'fix-request': '检查并修正请求',
} as const;

const seconds = (ms: number): string => (ms < 1000 ? `${ms} 毫秒` : `${Math.ceil(ms / 1000)} 秒`);
const waits = (delays: readonly number[]): string => delays.map((d, i) => `第 ${i + 1} 次等待 ${seconds(d)}后重试`).join('，');
const ifStill = (then: keyof typeof THEN | undefined): string => (then ? `；如仍失败，${THEN[then]}` : '');

function describeRetry(p: RetryPolicy): string {
  switch (p.action) {
    case 'none':
      return '无需处理。';
    case 'poll':
      return '尚未完成：稍后再调用 `query` 查看状态。';
    case 'already-done':
      return '请求要做的事已经生效：按成功处理，不要再次发送。';
    case 'retry': {
      const same = p.sameResourceId === true ? '（使用同一个 resource ID）' : p.sameResourceId === false ? '（使用新的 resource ID）' : '';
      return `重试同一请求${same}：${waits(p.delaysMs)}${ifStill(p.then)}。`;
    }
    case 'acquire-again':
      return '重新调用 `acquire` 获取新的 resource ID，再用它调用 `start`。';
    case 'fix-request':
      return `修正请求：原样重发只会得到同样的错误${ifStill(p.then)}。`;
    case 'fix-credentials':
      return `核对客户 ID、客户密钥、\`Authorization: Basic …\` 和 \`Content-Type\` 请求头，并确认该 App ID 已开通云端录制，然后再发送${ifStill(p.then)}。`;
    case 'fix-account':
      return `在声网控制台核对 App ID 和项目设置后再发送${ifStill(p.then)}。`;
    case 'gone':
      return '录制任务已经结束或正在退出，重试没有用；如需录制，重新调用 `acquire` 和 `start`。';
    case 'contact-support':
      return '联系声网技术支持（提交工单）。';
  }
}

function retryLabel(p: RetryPolicy): string {
  switch (p.action) {
    case 'none':
      return '无需处理';
    case 'poll':
      return '稍后再查询';
    case 'already-done':
      return '已生效';
    case 'retry':
      return `重试（${p.delaysMs.map(seconds).join('、')}）`;
    case 'acquire-again':
      return '重新 acquire';
    case 'fix-request':
      return '修正请求';
    case 'fix-credentials':
      return '修正认证信息';
    case 'fix-account':
      return '修正账号设置';
    case 'gone':
      return '任务已不存在';
    case 'contact-support':
      return '联系技术支持';
  }
}

const bodyFrom = (status: number | undefined): string =>
  status === undefined
    ? ''
    : status === 404
      ? '没有匹配的 API 接口：URL 或 HTTP 方法多半写错了。'
      : status < 300
        ? '请求到达的是某个网页服务器而不是 API：请检查基础 URL。'
        : status >= 400
          ? '多半是 API 前面的代理、网关或防火墙做了应答。'
          : '';

export const PHRASES_ZH: Phrases = {
  locale: 'zh',
  sentenceGap: '',
  colon: '：',
  period: '。',
  separator: { item: '、', group: '；' },
  describeRetry,
  retryLabel,
  succeeded: (method, sure) => (sure ? (method ? `\`${method}\` 调用成功。` : '请求成功。') : `${method ? `\`${method}\` ` : '请求'}返回了成功状态码，但响应内容无法全部确认为已完成。`),
  doneAsIs: '请求已处理完毕，再次发送也不会改变结果。',
  stopGone: '录制任务已结束或正在结束，没有可停止的任务了。',
  newIdNewRecording: (method) => `要操作这次 \`${method}\` 针对的任务，请原样使用 \`acquire\` 和 \`start\` 返回的 resource ID 和 \`sid\`：\`acquire\` 给出的新 resource ID 只能开始另一次录制。`,
  successNext: {
    acquire: (expires) =>
      `用本次响应中的 \`resourceId\` 调用 \`start\`${expires ? `；它在 \`acquire\` 之后 ${expires / 60} 分钟过期` : ''}。`,
    start: '把 `sid` 和 resource ID 一起保存：`query`、`update`、`updateLayout` 和 `stop` 都需要这两个值。',
    stop: '响应没有说明文件是否已上传（其中没有 `serverResponse.uploadingStatus`）：请到存储中核对文件。',
  },
  pollAgain: (ms) => `尚未完成：${seconds(ms)}后再调用 \`query\`。`,
  onMethod: (method) => `在 \`${method}\` 上`,
  onMethodStatusAlone: (method, status) => `在 \`${method}\` 上，HTTP ${status} 只随这个错误码返回`,
  stateAt: (at, value) => `\`${at}\` 为 ${typeof value === 'number' ? value : `\`${value}\``}`,
  bodyDecides: (step, byCode) => `仅凭状态码无法判断是哪种情况${step ? `（只看状态码：${step}）` : ''}，要看响应包体中的 \`code\`，各自的处理方式不同（${byCode}）。`,
  notDocumentedHere: (method) => `再次发送之前，先向声网最新文档或技术支持确认这个错误码在 \`${method}\` 上的含义。`,
  needMore: '信息不足，无法判断：请提供 HTTP 状态码和完整的响应包体（或粘贴完整的响应）。',
  cutBefore: (method, name) => `包体在 \`${name}\` 之前被截断了，而它才说明 \`${method}\` 的结果：既不能当作成功，也不能当作失败。`,
  cutBeforeNext: (name, step) => `先读取完整的包体（日志可能截断了它），按完整的响应处理；如果其中也没有 \`${name}\`：${step}。`,
  readWhole: '先读取完整的包体（日志可能截断了它），按完整的响应处理：被截掉的部分可能改变下一步。',
  fixConfiguration: '重发请求不会改变这个状态；请检查录制（或这一路输出）在 `start` 时的配置，并为下一次录制修正。',
  unknownValue: (method) => `响应中有目录里没有的取值（见备注）：弄清它的含义之前，不要把请求当作已完成；${method === 'query' ? '稍后再次查询，或' : ''}对照声网最新文档核实。`,
  serviceSays: (reason) => `服务返回的原因：“${reason}”。`,
  notes: {
    unknownCode: (code) => `目录中没有包体错误码 ${code}；声网的错误码页面只列出常见错误码，遇到其他错误它建议联系技术支持。`,
    unknownMessage: (message) => `目录中没有消息“${message}”。`,
    unknownState: (at, value) => `\`${at}\` 为 ${JSON.stringify(value)}，目录中没有这个值。`,
    unreadableStatus: (value) => `“${value}”不是 HTTP 状态码，以下按未给出状态码解释。`,
    wrongVerb: (method, verb, expected) => `请求用的是 ${verb}，但 \`${method}\` 应使用 ${expected}：按声网的错误码页面，HTTP 方法用错可能导致网关返回 404 \`no Route matched with those values\`（也可能导致包体错误码 8）。`,
    reasonOfOtherMethods: (method, reason, methods) => `\`${reason}\` 是这个错误码在 ${methods.map((m) => `\`${m}\``).join('、')} 上的含义，不是 \`${method}\` 上的：下一步按方法未知时给出。`,
    otherMethods: (method, methods) => `各来源只在 ${methods.map((m) => `\`${m}\``).join('、')} 上给出这个错误码，没有 \`${method}\` 的说明；它在这里的含义没有文档依据。`,
    unknownMethod: (value) => `“${value}”不是 API 的方法（acquire、start、query、update、updateLayout、stop），以下按未指定方法解释。`,
    fallbackToStatus: (status) => `以下按 HTTP ${status} 的含义解释。`,
    htmlBody: (status, title) => `响应包体是 HTML 页面${title ? `（“${title}”）` : ''}，不是 API 返回的 JSON。${bodyFrom(status)}`,
    textBody: (status, text) => `响应包体是纯文本，不是 API 返回的 JSON：“${text}”。${bodyFrom(status)}`,
    emptyBody: (status) => (status !== undefined ? `响应包体为空（HTTP ${status}）：只有状态码说明了发生的事。` : '响应包体为空。'),
    partialBody: '响应包体不完整或不是合法的 JSON，已尽可能读取其中的内容。',
    partsEnded: '我们的理解：录制正在停止，输出断开或扩展服务退出是停止的正常结果。',
    cutInside: (at) => `响应包体在 \`${at}\` 处被截断，已尽可能读取其中的内容。`,
    otherBody: '响应包体不是 JSON 对象，而 API 只返回 JSON 对象。',
    missingField: (method, name) => `\`${method}\` 成功时会返回 \`${name}\`，这次响应中没有，因此不能当作成功。`,
    dependsOnMethod: (byMethod) => `如何处理取决于调用的方法，请传入 \`method\`（${byMethod}）。`,
    retryAfter: (ms) => `服务器要求等待 ${seconds(ms)}后再重试（Retry-After）。`,
    unreadBody: '传入的包体尚未读取（流、Promise、fetch 的 Response）：请把 `await res.text()` 作为 `body` 传入，或使用 `fromResponse(res, method)`。',
    noSid: '这个响应中没有 `sid`：`query`、`update` 和 `stop` 需要第一次 `start` 返回的 `sid`。如果那次 `start` 在返回前超时，应用手里就没有它；消息通知服务的事件带有 `sid`（声网最佳实践按它对通知去重）。',
    noBody: '只给出了 HTTP 状态码，没有响应包体：包体（其中的 `code` 或 `message`）可能说明更多。',
    noStatus: '没有给出 HTTP 状态码；按成功响应的包体解释。',
  },
  ours: {
    waitOutlastsResourceId: (ms, s) => `这是我们的建议：服务器要求每次重试前等待 ${seconds(ms)}，而 resource ID 必须在 \`acquire\` 后 ${s / 60} 分钟内用于开始录制；等到那时它已过期（433），所以等待之后重新调用 \`acquire\`，再调用 \`start\`（如果之前的 \`start\` 其实已经成功，这次会收到 53：那一路录制正在进行）。`,
    otherMethodsStep: '这是我们的建议：各来源只在备注所列的方法上给出这一步，这里照此处理。',
    reasonAndMethodDiffer: '这是我们的建议：原因和方法给出的含义不同，这一步两者都适用；如果一直失败，按这个方法上的含义处理。',
    missingField: '这是我们的建议：缺少成功时应有字段的响应不能当作成功；声网的最佳实践以收到 `sid` 作为 `start` 成功的标志。',
    pageFromElsewhere: '这是我们的建议：不是 API JSON 的页面来自 API 前面的某一环，因此按 HTTP 状态码的类别处理。',
    unknownCode: '这是我们的建议：目录中没有的错误码按其 HTTP 状态码处理。',
    statusClass: '这是我们的建议，按 HTTP 状态码的类别处理。',
  },
  noInformation: '响应中没有可解释的状态码、错误码或消息。',
};

/** 命令行自己的用语 (the command line's own words, see CliWords). */
export const CLI_WORDS_ZH: CliWords = {
  list: (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join('、')} 和 ${items[items.length - 1]}`),
  label: {
    causes: '原因：',
    actions: '处理：',
    retry: '下一步：',
    next: '下一步：',
    also: '另见',
    kind: {
      'error-code': '包体错误码',
      'message-error': '网关消息',
      'http-status': 'HTTP 状态码',
      'service-state': '服务状态',
      'recording-status': '录制状态（query）',
      'upload-status': '上传状态（stop）',
      'extension-state': '扩展服务状态（query）',
      'output-status': '输出状态（query）',
    },
  },
  readAs: (parts) => `读作：${parts}。`,
  unknown: (query) => `未找到：${query}`,
  searchSite: (url) => `在网站上搜索：${url}`,
  nearest: '你要找的是不是：',
  closest: '没有与之相近的代码；目录中最接近的是：',
  otherMethods: (method, command) => `只列出适用于 \`${method}\` 的内容；其他方法上的情况不同，运行 \`${command}\` 查看全部。`,
  responses: (n) => `文本中有 ${n} 个响应，逐一解释如下（\`agora-rec-codes scan\` 可汇总整个日志）。`,
  moreResponses: (n) => `……另有 ${n} 个未显示：\`agora-rec-codes scan\` 可汇总整个日志（\`--json\` 给出全部）。`,
  usageHint: '运行 `agora-rec-codes --help` 查看用法。',
};

/** The client's own words in Chinese (see ClientWords). */
export const CLIENT_WORDS_ZH: ClientWords = {
  noAnswer: (method, detail) => `\`${method}\` 没有收到应答（${detail}）。`,
  noAnswerWhy: '这是我们的建议：没有收到应答，按该方法的重试时间表再次发送请求。',
  waitTooLong: (ms, maxMs) => `需要等待 ${seconds(ms)}，超过了本客户端允许的 ${seconds(maxMs)}（maxDelayMs），已放弃。`,
  retriesUsed: (attempts, then) => `已发送 ${attempts} 次，均失败${then ? `；现在请${THEN[then]}` : ''}。`,
  bodyUsed: '响应包体已被读取过，只能根据状态码和响应头解释。',
  bodyUnreadable: (detail) => `无法读取响应包体（${detail}）。`,
};
