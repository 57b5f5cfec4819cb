/**
 * The package's own sentences in English (see types.ts).
 */
import type { RetryPolicy } from '../generated/types.ts';
import type { ClientWords, CliWords, Phrases } from './types.ts';

const THEN = {
  'acquire-again': 'call `acquire` again for a new resource ID, then `start`',
  'contact-support': 'contact Agora support',
  'fix-request': 'check and correct the request',
} as const;

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.ceil(ms / 1000)} s`);
const waits = (delays: readonly number[]): string => delays.map((d, i) => `${i === 0 ? 'after' : 'then'} ${seconds(d)}`).join(', ');
const ifStill = (then: keyof typeof THEN | undefined): string => (then ? `; if it still fails, ${THEN[then]}` : '');

function describeRetry(p: RetryPolicy): string {
  switch (p.action) {
    case 'none':
      return 'Nothing to do.';
    case 'poll':
      return 'Not finished yet: call `query` again later.';
    case 'already-done':
      return 'What the request asked for is already in place: treat it as success and do not send it again.';
    case 'retry': {
      const same = p.sameResourceId === true ? ' with the same resource ID' : p.sameResourceId === false ? ' with a new resource ID' : '';
      return `Retry the same request${same} ${waits(p.delaysMs)}${ifStill(p.then)}.`;
    }
    case 'acquire-again':
      return 'Call `acquire` again for a new resource ID, then call `start` with it.';
    case 'fix-request':
      return `Correct the request: sent again unchanged, it fails the same way${ifStill(p.then)}.`;
    case 'fix-credentials':
      return `Check the Customer ID and Customer Secret, the \`Authorization: Basic …\` and \`Content-Type\` headers, and that the App ID has Cloud Recording enabled; then send the request again${ifStill(p.then)}.`;
    case 'fix-account':
      return `Check the App ID and the project's settings in Agora Console, then send the request again${ifStill(p.then)}.`;
    case 'gone':
      return 'The recording task has ended or is ending, so retrying cannot help; to record, call `acquire` and `start` again.';
    case 'contact-support':
      return 'Contact Agora support (open a ticket).';
  }
}

function retryLabel(p: RetryPolicy): string {
  switch (p.action) {
    case 'none':
      return 'Nothing to do';
    case 'poll':
      return 'Query again later';
    case 'already-done':
      return 'Already done';
    case 'retry':
      return `Retry (${p.delaysMs.map(seconds).join(', ')})`;
    case 'acquire-again':
      return 'Acquire again';
    case 'fix-request':
      return 'Fix the request';
    case 'fix-credentials':
      return 'Fix the credentials';
    case 'fix-account':
      return 'Fix the account';
    case 'gone':
      return 'Task gone';
    case 'contact-support':
      return 'Contact support';
  }
}

const bodyFrom = (status: number | undefined): string =>
  status === undefined
    ? ''
    : status === 404
      ? ' No API endpoint matched: the URL or the HTTP method is probably wrong.'
      : status < 300
        ? ' The request reached a web server, not the API: check the base URL.'
        : status >= 400
          ? ' A proxy, gateway or firewall in front of the API probably answered it.'
          : '';

export const PHRASES_EN: Phrases = {
  locale: 'en',
  sentenceGap: ' ',
  colon: ': ',
  period: '.',
  separator: { item: ', ', group: '; ' },
  describeRetry,
  retryLabel,
  succeeded: (method, sure) => (sure ? (method ? `\`${method}\` succeeded.` : 'The request succeeded.') : `${method ? `\`${method}\`` : 'The request'} got a success status, but not all of its answer could be read as done.`),
  doneAsIs: 'The request is done as it is; sending it again cannot change that.',
  stopGone: 'The recording task has ended or is ending, so there is nothing left to stop.',
  newIdNewRecording: (method) => `To reach the task this \`${method}\` was for, use the resource ID and \`sid\` exactly as \`acquire\` and \`start\` returned them: a new resource ID from \`acquire\` only starts another recording.`,
  successNext: {
    acquire: (expires) =>
      `Call \`start\` with the \`resourceId\` of this response${expires ? `; it expires ${expires / 60} minutes after \`acquire\`` : ''}.`,
    start: 'Keep the `sid` with the resource ID: `query`, `update`, `updateLayout` and `stop` need both.',
    stop: 'The answer does not say whether the files were uploaded (it has no `serverResponse.uploadingStatus`): check them in your storage.',
  },
  pollAgain: (ms) => `Not finished yet: call \`query\` again in ${seconds(ms)}.`,
  onMethod: (method) => `On \`${method}\``,
  onMethodStatusAlone: (method, status) => `On \`${method}\`, HTTP ${status} comes only with this code`,
  stateAt: (at, value) => `\`${at}\` is ${typeof value === 'number' ? value : `\`${value}\``}`,
  bodyDecides: (step, byCode) => `The status alone does not tell which case this is${step ? ` (by the status alone: ${step})` : ''}; the body \`code\` does, and each has its own step (${byCode}).`,
  notDocumentedHere: (method) => `Before sending it again, check what this code means on \`${method}\` with Agora's current documentation or support.`,
  needMore: 'Not enough to decide: give the HTTP status and the whole body (or paste the whole response).',
  cutBefore: (method, name) => `The body is cut before \`${name}\`, which says what \`${method}\` answered: it cannot be taken as done, nor as failed.`,
  cutBeforeNext: (name, step) => `Read the whole body first (a log may have cut it short) and go by it; if it has no \`${name}\` either: ${step}.`,
  readWhole: 'Read the whole body first (a log may have cut it short) and go by it: what was cut off may change the step.',
  fixConfiguration: 'Sending the request again does not change this state; check the settings the recording (or this output) was started with in `start`, and correct them for the next recording.',
  unknownValue: (method) =>
    `The response holds a value the catalog does not know (see the notes): do not take the request as done until you know what it means; ${method === 'query' ? 'query again later, or ' : ''}check it against Agora's current documentation.`,
  serviceSays: (reason) => `The service says: "${reason}".`,
  notes: {
    unknownCode: (code) => `Body code ${code} is not in the catalog; Agora's error-code page lists only common codes and says to contact technical support for others.`,
    unknownMessage: (message) => `The message "${message}" is not in the catalog.`,
    unknownState: (at, value) => `\`${at}\` is ${JSON.stringify(value)}, a value the catalog does not know.`,
    unreadableStatus: (value) => `"${value}" is not an HTTP status; read without one.`,
    wrongVerb: (method, verb, expected) => `The request was sent with ${verb}, but \`${method}\` uses ${expected}: Agora gives a wrong HTTP method as a possible cause of the gateway's 404 \`no Route matched with those values\` (and of body code 8).`,
    reasonOfOtherMethods: (method, reason, methods) => `\`${reason}\` is what this code means on ${methods.map((m) => `\`${m}\``).join(', ')}, not on \`${method}\`: the step is the one for an unknown method.`,
    otherMethods: (method, methods) => `The sources give this code only for ${methods.map((m) => `\`${m}\``).join(', ')}, not for \`${method}\`; what it means here is not documented.`,
    unknownMethod: (value) => `"${value}" is not a method of the API (acquire, start, query, update, updateLayout, stop); read without a method.`,
    fallbackToStatus: (status) => `Falling back to the meaning of HTTP ${status}.`,
    htmlBody: (status, title) => `The body is an HTML page${title ? ` ("${title}")` : ''}, not the API's JSON.${bodyFrom(status)}`,
    textBody: (status, text) => `The body is plain text, not the API's JSON: "${text}".${bodyFrom(status)}`,
    emptyBody: (status) => (status !== undefined ? `The body is empty (HTTP ${status}): only the status says what happened.` : 'The body is empty.'),
    partialBody: 'The body is cut off or not valid JSON; it was read as far as it goes.',
    partsEnded: 'Our reading: the recording is stopping, so an output that disconnected or an extension that exited is what stopping does.',
    cutInside: (at) => `The body is cut off inside \`${at}\`; it was read as far as it goes.`,
    otherBody: 'The body is not a JSON object, which is all the API sends.',
    missingField: (method, name) => `A successful \`${method}\` answers with \`${name}\`; this response has none, so the request cannot be taken as done.`,
    dependsOnMethod: (byMethod) => `What to do depends on the method; pass \`method\` for the one that applies (${byMethod}).`,
    retryAfter: (ms) => `The server asks to wait ${seconds(ms)} before retrying (Retry-After).`,
    noSid: 'This answer carries no `sid`: `query`, `update` and `stop` need the one the first `start` returned. If that `start` timed out before answering, this app does not have it; the message notification service\'s events carry a `sid` (Agora\'s best practice deduplicates them by it).',
    noBody: 'Only the HTTP status was given, not the body: the body (its `code` or `message`) may say more.',
    unreadBody: 'The body was passed unread (a stream, a promise, a fetch Response): pass `await res.text()` as `body`, or use `fromResponse(res, method)`.',
    noStatus: 'No HTTP status was given; the body reads as a successful response.',
  },
  ours: {
    waitOutlastsResourceId: (ms, s) => `Our advice: the server asks to wait ${seconds(ms)} before each retry, and a resource ID must start a recording within ${s / 60} minutes of \`acquire\`; by then this one has expired (433), so after the wait call \`acquire\` again, then \`start\` (if an earlier \`start\` did go through, this one gets 53: that recording is running).`,
    otherMethodsStep: 'Our advice: the sources give this step only on the methods named in the notes; here it is applied as there.',
    reasonAndMethodDiffer: 'Our advice: the reason and the method give this code different meanings; this step fits both, and if it keeps failing, go by the meaning on this method.',
    missingField: 'Our advice: a response without what success carries cannot be trusted as success; Agora\'s best practice takes a `sid` as the sign that `start` worked.',
    pageFromElsewhere: 'Our advice: a page that is not the API\'s JSON came from something in front of it, so the HTTP status class decides.',
    unknownCode: 'Our advice: a code the catalog does not know is handled by its HTTP status.',
    statusClass: 'Our advice, by the class of the HTTP status.',
  },
  noInformation: 'The response carries no status, code or message to explain.',
};

/** The command line's own words in English (see CliWords). */
export const CLI_WORDS_EN: CliWords = {
  list: (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
  label: {
    causes: 'Causes:',
    actions: 'What to do:',
    retry: 'Next step:',
    next: 'Next:',
    also: 'Also',
    kind: {
      'error-code': 'body code',
      'message-error': 'gateway message',
      'http-status': 'HTTP status',
      'service-state': 'service state',
      'recording-status': 'recording status (query)',
      'upload-status': 'upload status (stop)',
      'extension-state': 'extension state (query)',
      'output-status': 'output status (query)',
    },
  },
  readAs: (parts) => `Read as: ${parts}.`,
  unknown: (query) => `Unknown: ${query}`,
  searchSite: (url) => `Search the site: ${url}`,
  nearest: 'Did you mean:',
  closest: 'No code is near it; the closest in the catalog:',
  otherMethods: (method, command) => `Only what applies on \`${method}\` is shown; other methods differ: \`${command}\` shows them all.`,
  responses: (n) => `${n} responses in the text, each explained below (\`agora-rec-codes scan\` sums up a log).`,
  moreResponses: (n) => `… and ${n} more, not shown: \`agora-rec-codes scan\` sums up a log (or \`--json\` gives them all).`,
  usageHint: 'Run `agora-rec-codes --help` for usage.',
};

/** The client's own words in English (see ClientWords). */
export const CLIENT_WORDS_EN: ClientWords = {
  noAnswer: (method, detail) => `\`${method}\` got no answer (${detail}).`,
  noAnswerWhy: 'Our advice: no answer arrived, so the request is sent again on the schedule of its method.',
  waitTooLong: (ms, maxMs) => `Waiting ${seconds(ms)} is longer than the ${seconds(maxMs)} this client accepts (maxDelayMs); gave up.`,
  retriesUsed: (attempts, then) => `${attempts} attempts failed${then ? `; now ${THEN[then]}` : ''}.`,
  bodyUsed: 'The body had already been read, so only the status and headers were explained.',
  bodyUnreadable: (detail) => `The body could not be read (${detail}).`,
};
