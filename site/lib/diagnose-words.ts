/**
 * The diagnose box's own words (the page /{lang}/diagnose/ and the module the
 * support portal loads). What a response means comes from explain() and the
 * catalog, never from here. One object per language, so that each language's
 * browser module carries only its own.
 */
export type DiagnoseWords = {
  title: string;
  intro: string;
  pasteLabel: string;
  methodLabel: string;
  methodAuto: string;
  submit: string;
  /** Offered where a search query is a pasted response. */
  offer: string;
  noJs: string;
  privacy: string;
  /** Over several responses: how many, in how many findings, how many need action. */
  overview: (responses: number, findings: number, act: number) => string;
  nothing: string;
  searchInstead: string;
  /** "Next: " before the next step. */
  nextLabel: string;
  records: string;
  notes: string;
  method: string;
  methodUnknown: string;
  methodFrom: (line: number) => string;
  methodOwnLine: string;
  methodChosen: string;
  /** The method, and where it was read: "start (from the request on line 1)". */
  methodValue: (method: string, from: string) => string;
  /** Where the advice comes from (Agora's documentation, or our own advice). */
  basis: string;
  chosenOverrides: (found: string, line: number, chosen: string) => string;
  status: string;
  link: string;
  linkWithoutCredentials: string;
  tooLongForLink: string;
  others: (n: number) => string;
  needsAction: string;
  fine: string;
};

export const DIAGNOSE_EN: DiagnoseWords = {
  title: 'Diagnose a response',
  intro:
    'Paste what you have: a response body, a whole HTTP response, `curl -i` or `curl -v` output, or lines of a log. You get what each Cloud Recording response in it means and what to do next on its method.',
  pasteLabel: 'Response or log',
  methodLabel: 'Method',
  methodAuto: 'From the paste',
  submit: 'Diagnose',
  offer: 'Diagnose this response',
  noJs: 'Diagnosing needs JavaScript. Without it, look the code up in the table on the home page.',
  privacy: 'The text stays in this page: nothing is sent anywhere.',
  overview: (responses, findings, act) =>
    `${responses} ${responses === 1 ? 'response' : 'responses'} in ${findings} ${findings === 1 ? 'finding' : 'findings'}: ${act === 0 ? 'nothing needs action' : `${act} ${act === 1 ? 'needs' : 'need'} action`}.`,
  nothing: 'Nothing here looks like a Cloud Recording response. Paste a body such as {"code":65,"reason":"…"}, a whole response or log lines.',
  searchInstead: 'Search for it instead',
  nextLabel: 'Next: ',
  records: 'Matched records',
  notes: 'Notes',
  method: 'Method',
  methodUnknown: 'not in the paste: choose one above, since the meaning may depend on it',
  methodFrom: (line) => `from the request on line ${line}`,
  methodOwnLine: 'from the paste',
  methodChosen: 'as chosen above',
  methodValue: (method, from) => `${method} (${from})`,
  basis: 'Basis',
  chosenOverrides: (found, line, chosen) => `The paste says \`${found}\` (line ${line}); diagnosed on \`${chosen}\`, as chosen above.`,
  status: 'HTTP status',
  link: 'Link to this diagnosis',
  linkWithoutCredentials: 'The link leaves out the credentials found in the paste.',
  tooLongForLink: 'The paste is too long to carry in a link; the link keeps only the method.',
  others: (n) => `…and ${n} more responses of other kinds.`,
  needsAction: 'needs action',
  fine: 'nothing to do',
};

export const DIAGNOSE_ZH: DiagnoseWords = {
  title: '诊断响应',
  intro: '粘贴手头的内容：响应包体、完整的 HTTP 响应、`curl -i` 或 `curl -v` 的输出，或者一段日志。页面会说明其中每个云端录制响应的含义，以及在对应方法上下一步该怎么做。',
  pasteLabel: '响应或日志',
  methodLabel: '方法',
  methodAuto: '从粘贴内容中识别',
  submit: '诊断',
  offer: '诊断这个响应',
  noJs: '诊断需要 JavaScript。不开启 JavaScript 时，请在首页的表格中查找错误码。',
  privacy: '文本只留在本页面中，不会发送到任何地方。',
  overview: (responses, findings, act) => `共 ${responses} 个响应，归为 ${findings} 类：${act === 0 ? '都无需处理' : `${act} 类需要处理`}。`,
  nothing: '这里没有看起来像云端录制响应的内容。请粘贴响应包体（如 {"code":65,"reason":"…"}）、完整的响应或日志行。',
  searchInstead: '改为搜索',
  nextLabel: '下一步：',
  records: '匹配的记录',
  notes: '注意',
  method: '方法',
  methodUnknown: '粘贴内容中没有：请在上方选择，含义可能取决于方法',
  methodFrom: (line) => `取自第 ${line} 行的请求`,
  methodOwnLine: '取自粘贴内容',
  methodChosen: '按上方的选择',
  methodValue: (method, from) => `${method}（${from}）`,
  basis: '依据',
  chosenOverrides: (found, line, chosen) => `粘贴内容中的方法是 \`${found}\`（第 ${line} 行）；已按上方的选择以 \`${chosen}\` 诊断。`,
  status: 'HTTP 状态码',
  link: '本次诊断的链接',
  linkWithoutCredentials: '链接中不含粘贴内容里的凭证。',
  tooLongForLink: '粘贴内容太长，无法放入链接；链接只保留方法。',
  others: (n) => `……另有 ${n} 个其他响应。`,
  needsAction: '需要处理',
  fine: '无需处理',
};

export const DIAGNOSE_WORDS = { zh: DIAGNOSE_ZH, en: DIAGNOSE_EN } as const;
