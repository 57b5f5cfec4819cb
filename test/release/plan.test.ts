/**
 * npm run release:plan, on a temporary git repository holding a copy of the
 * project tagged v0.1.0: a maintainer changes the catalog (or the package) the
 * way they would, and the plan says which semver bump that needs, why, and
 * drafts the CHANGELOG entry in both languages.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { type CatalogRecord, ErrorCodeRecord, recordRef } from '../../scripts/catalog/schema.ts';
import { ROOT } from '../hardening/repo-copy.ts';
import { gitRepo, type GitRepo, output, type PlanJson } from './git-repo.ts';

let repo: GitRepo;
let records: CatalogRecord[];

beforeAll(() => {
  repo = gitRepo({ tag: 'v0.1.0' });
  records = loadCatalogOrThrow(`${repo.root}/data`).records;
});
afterAll(() => repo?.remove());

const setField = (ref: string, path: (string | number)[], value: unknown) => repo.setField(ref, path, value);
const removeRecord = (ref: string) => repo.removeRecord(ref);

const record = (ref: string) => {
  const r = records.find((x) => recordRef(x) === ref);
  if (!r) throw new Error(`the catalog has no ${ref}`);
  return r;
};
const types = (plan: PlanJson) => plan.changes.map((c) => c.type);

/** A new body code, written as README.md's worked example says. */
const NEW_RECORD = `
  - kind: error-code
    code: 1099
    constant: RESOURCE_ID_RELEASED
    title: {zh: resource ID 已释放, en: Resource ID released}
    summary:
      zh: 该 resource ID 已被释放，不能再用于 \`stop\`。
      en: The resource ID has been released and can no longer be used with \`stop\`.
    actions:
      - zh: 重新调用 \`acquire\` 获取新的 resource ID。
        en: Call \`acquire\` again for a new resource ID.
    meanings:
      - methods: [stop]
        source: sc
        http: 400
        reason: resource released
        text:
          zh: 在 \`stop\` 上表示该 resource ID 已释放。
          en: On \`stop\`, the resource ID has been released.
    retry: {action: acquire-again}
    related: [error-code:433]
    sources: [sc]
`;

describe('release:plan against the tag v<version>', () => {
  it('says "none" when nothing changed since the release, and drafts nothing', () => {
    const r = repo.plan();
    expect(r.status, output(r)).toBe(0);
    expect(r.stdout).toMatch(/^Release plan: v0\.1\.0 \([0-9a-f]{7}\) → the working tree$/m);
    expect(r.stdout).toMatch(/Semver bump: none\b/);
    expect(r.stdout).not.toMatch(/\b(major|minor|patch)\b/);
    expect(r.stdout).not.toContain('Draft CHANGELOG entry');
    const json = repo.planJson();
    expect(json).toMatchObject({ bump: 'none', next: null, changes: [], draft: null, from: { how: 'tag', ref: 'v0.1.0' } });
  });

  it('says "major" for a renamed constant whose old name is gone, naming both names', () => {
    const before = record('error-code:433').constant;
    setField('error-code:433', ['constant'], 'RESOURCE_ID_TOO_OLD');
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('major');
      expect(plan.next).toBe('1.0.0');
      const renamed = plan.changes.find((c) => c.type === 'constant-renamed');
      expect(renamed, JSON.stringify(plan.changes)).toMatchObject({ level: 'major', ref: 'error-code:433', group: 'breaking' });
      expect(renamed!.text.en).toContain(`ErrorCode.${before}`);
      expect(renamed!.text.en).toContain('ErrorCode.RESOURCE_ID_TOO_OLD');
      expect(renamed!.text.zh).toContain('ErrorCode.RESOURCE_ID_TOO_OLD');
      const text = repo.plan().stdout;
      expect(text).toMatch(/Semver bump: major: 0\.1\.0 → 1\.0\.0/);
      expect(text).toMatch(/^ {2}major {2}Error code 433: `ErrorCode\.\w+` renamed to `ErrorCode\.RESOURCE_ID_TOO_OLD`/m);
      expect(text).toContain('### Breaking changes · 破坏性变更');
    } finally {
      repo.reset();
    }
  });

  it.skipIf(!('formerConstants' in ErrorCodeRecord.shape))(
    'says "minor" for a renamed constant whose old name stays exported as a deprecated alias, and the entry says so',
    () => {
      const before = record('error-code:433').constant;
      setField('error-code:433', ['constant'], 'RESOURCE_ID_TOO_OLD');
      setField('error-code:433', ['formerConstants'], [{ name: before, removedIn: '0.3.0' }]);
      try {
        const plan = repo.planJson();
        expect(plan.bump, JSON.stringify(plan.changes, null, 1)).toBe('minor');
        const deprecated = plan.changes.find((c) => c.type === 'constant-deprecated');
        expect(deprecated).toMatchObject({ level: 'minor', ref: 'error-code:433', group: 'deprecated' });
        expect(deprecated!.text.en).toMatch(new RegExp(`\`ErrorCode\\.${before}\` stays exported as a deprecated alias until 0\\.3\\.0`));
        expect(deprecated!.text.zh).toContain('已弃用');
        expect(plan.draft!.markdown).toContain('### Deprecated · 弃用');
      } finally {
        repo.reset();
      }
    },
  );

  it('says "minor" for a new record, and the drafted entry names it in both languages', () => {
    repo.write('data/error-codes.yaml', repo.read('data/error-codes.yaml').replace(/\n*$/, '\n') + NEW_RECORD);
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('minor');
      expect(plan.next).toBe('0.2.0');
      expect(plan.changes).toEqual([expect.objectContaining({ type: 'record-added', level: 'minor', ref: 'error-code:1099', group: 'added' })]);
      const { markdown } = plan.draft!;
      expect(markdown).toMatch(/^## 0\.2\.0 — \d{4}-\d{2}-\d{2}$/m);
      expect(markdown).toContain('### Added · 新增');
      expect(markdown).toContain('- Error code 1099: new record `ErrorCode.RESOURCE_ID_RELEASED`, “Resource ID released”.');
      expect(markdown).toContain('错误码 1099：新增记录 `ErrorCode.RESOURCE_ID_RELEASED`，“resource ID 已释放”。');
    } finally {
      repo.reset();
    }
  });

  it('says "patch" for a reworded title, and still answers while the translation waits for review', () => {
    setField('error-code:433', ['title', 'en'], 'The resource ID has expired');
    try {
      const r = repo.plan();
      expect(r.status, output(r)).toBe(0);
      expect(r.stdout).toMatch(/Semver bump: patch: 0\.1\.0 → 0\.1\.1/);
      expect(r.stdout).toMatch(/^ {2}patch {2}Error code 433: reworded title\.$/m);
      // npm run check flags the Chinese text for review; the plan says the release will need it.
      expect(r.stdout).toMatch(/Before the release: the catalog has 1 problem\(s\)[^\n]*\n {2}data\/error-codes\.yaml:\d+:\d+ error-code:433 reviewed\.zh/);
      const plan = repo.planJson();
      expect(plan.changes).toEqual([expect.objectContaining({ type: 'reworded', level: 'patch', ref: 'error-code:433', group: 'texts' })]);
    } finally {
      repo.reset();
    }
  });

  it('says "patch" for new search keywords', () => {
    const keywords = record('error-code:433').keywords ?? { zh: [], en: [] };
    setField('error-code:433', ['keywords'], { zh: keywords.zh, en: [...keywords.en, 'resource id too old'] });
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('patch');
      expect(types(plan)).toEqual(['keywords']);
    } finally {
      repo.reset();
    }
  });

  it('says "major" for a removed record, naming it and its constant', () => {
    const gone = record('error-code:1028');
    removeRecord('error-code:1028');
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('major');
      const removed = plan.changes.find((c) => c.type === 'record-removed');
      expect(removed).toMatchObject({ level: 'major', ref: 'error-code:1028', group: 'breaking' });
      expect(removed!.text.en).toContain(`ErrorCode.${gone.constant}`);
      expect(removed!.text.en).toContain(gone.title.en);
      expect(removed!.text.zh).toContain(gone.title.zh);
    } finally {
      repo.reset();
    }
  });

  it('says "major" when a next step makes a client stop instead of retrying, and "minor" when only the delays change', () => {
    const retrying = records.find((r) => r.retry.action === 'retry' && r.retry.delaysMs?.length);
    expect(retrying, 'a record whose default next step is a retry with delays').toBeDefined();
    const ref = recordRef(retrying!);
    setField(ref, ['retry', 'action'], 'fix-request');
    setField(ref, ['retry', 'delaysMs'], undefined);
    for (const key of ['sameResourceId', 'then', 'backoff']) setField(ref, ['retry', key], undefined);
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('major');
      const outcome = plan.changes.find((c) => c.type === 'outcome-changed' && c.ref === ref);
      expect(outcome?.level).toBe('major');
      expect(outcome!.text.en).toMatch(/a client that follows it now stops and reports the error \(before: sends the same request again\)/);
    } finally {
      repo.reset();
    }
    setField(ref, ['retry', 'delaysMs'], (retrying!.retry as { delaysMs: number[] }).delaysMs.map((ms) => ms + 500));
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('minor');
      expect(plan.changes.filter((c) => c.type === 'outcome-changed').map((c) => c.level)).toEqual(['minor']);
    } finally {
      repo.reset();
    }
  });

  it('says "major" for a gateway message whose exact text changed (its constant now stands for another value)', () => {
    const message = records.find((r) => r.kind === 'message-error')!;
    setField(recordRef(message), ['message'], `${message.kind === 'message-error' ? message.message : ''} (changed)`);
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('major');
      expect(plan.changes.find((c) => c.type === 'constant-revalued')).toMatchObject({ level: 'major', ref: recordRef(message) });
    } finally {
      repo.reset();
    }
  });

  it('says "minor" for a new meaning on a method that leaves every step as it was', () => {
    setField('error-code:2', ['meanings'], [
      ...record('error-code:2').meanings,
      { methods: ['updateLayout'], source: 'sc', http: 400, text: { zh: '在 `updateLayout` 上同样表示参数不合法。', en: 'On `updateLayout`, too, a parameter is invalid.' } },
    ]);
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('minor');
      expect(plan.changes.find((c) => c.type === 'meaning-added')).toMatchObject({ level: 'minor', ref: 'error-code:2' });
      expect(plan.changes.find((c) => c.type === 'meaning-added')!.text.en).toContain('`updateLayout`');
    } finally {
      repo.reset();
    }
  });

  it('says "major" for a new meaning that gives a code a step on a method it had none on (433 on updateLayout: acquire again, not check with Agora)', () => {
    setField('error-code:433', ['meanings'], [
      ...record('error-code:433').meanings,
      { methods: ['updateLayout'], source: 'sc', http: 400, text: { zh: '在 `updateLayout` 上同样表示 resource ID 已过期。', en: 'On `updateLayout`, too, the resource ID has expired.' } },
    ]);
    try {
      expect(repo.planJson().bump).toBe('major');
    } finally {
      repo.reset();
    }
  });

  it('says "major" when the channel-name rule behind CHANNEL_NAME changes (an exported constant re-valued)', () => {
    const rule = records.find((r) => r.facts?.maxBytes && r.facts.allowedCharacters)!;
    setField(recordRef(rule), ['facts', 'maxBytes'], rule.facts!.maxBytes! * 2);
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('major');
      const value = plan.changes.find((c) => c.type === 'value-changed');
      expect(value?.text.en).toBe(`\`CHANNEL_NAME.maxBytes\` is now \`${rule.facts!.maxBytes! * 2}\` (was \`${rule.facts!.maxBytes}\`).`);
      expect(plan.changes.find((c) => c.type === 'facts-changed')).toMatchObject({ level: 'minor', ref: recordRef(rule) });
    } finally {
      repo.reset();
    }
  });

  it('reads data/api.yaml too: a new rate limit is "minor", a reworded method title or a source\'s new address "patch"', () => {
    const api = parseDocument(repo.read('data/api.yaml'));
    const rate = Number(api.get('rateLimitPerSecond'));
    api.set('rateLimitPerSecond', rate * 2);
    repo.write('data/api.yaml', api.toString({ lineWidth: 0 }));
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('minor');
      expect(plan.changes.find((c) => c.type === 'data-changed')?.text.en).toBe(`API facts: \`rateLimitPerSecond\` is now \`${rate * 2}\` (was \`${rate}\`).`);
    } finally {
      repo.reset();
    }
    const doc = parseDocument(repo.read('data/api.yaml'));
    doc.setIn(['methods', 1, 'title', 'en'], 'Start a recording (reworded)');
    doc.setIn(['sources', 0, 'url'], `${doc.getIn(['sources', 0, 'url'])}?revision=2`);
    repo.write('data/api.yaml', doc.toString({ lineWidth: 0 }));
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('patch');
      expect(plan.changes.map((c) => [c.type, c.level])).toEqual([
        ['reworded', 'patch'],
        ['sources', 'patch'],
      ]);
      expect(plan.changes[0].text.en).toBe(`Method \`${doc.getIn(['methods', 1, 'name'])}\`: reworded title.`);
      expect(plan.changes[1].text.en).toBe(`Sources: \`${doc.getIn(['sources', 0, 'id'])}\`: url changed.`);
    } finally {
      repo.reset();
    }
  });

  it('says "minor" for a new field in the schema, and "major" for a value the schema no longer allows', () => {
    repo.edit('scripts/catalog/schema.ts', "const recordFields = {\n", "const recordFields = {\n  since: z.string().optional(),\n");
    try {
      const plan = repo.planJson();
      expect(plan.changes).toEqual([expect.objectContaining({ type: 'field-added', level: 'minor' })]);
      expect(plan.changes[0].text.en).toBe('Records can have the new field `since`.');
    } finally {
      repo.reset();
    }
    // "legacy" becomes "historic": code comparing lifecycle.status with "legacy" no longer matches.
    repo.edit('scripts/catalog/schema.ts', "'legacy'", "'historic'");
    const legacy = records.filter((r) => r.lifecycle.status === 'legacy');
    expect(legacy.length).toBeGreaterThan(0);
    for (const r of legacy) setField(recordRef(r), ['lifecycle', 'status'], 'historic');
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('major');
      expect(plan.changes.find((c) => c.type === 'vocabulary-removed')?.text.en).toBe('`lifecycle.status` no longer allows `legacy`: code that compares with it no longer matches.');
      expect(plan.changes.find((c) => c.type === 'vocabulary-added')?.text.en).toBe('`lifecycle.status` can now be `historic`.');
      expect(plan.changes.filter((c) => c.type === 'lifecycle-changed').map((c) => c.ref).sort()).toEqual(legacy.map(recordRef).sort());
    } finally {
      repo.reset();
    }
  });
});

describe('release:plan and the exports of the package', () => {
  it('says "minor" for a new export and "major" for a removed one, per entry point', () => {
    const base = repo.git('rev-parse', 'HEAD');
    repo.write('src/index.ts', repo.read('src/index.ts') + '\n/** Added by the release test. */\nexport function releaseTestHelper(): number {\n  return 1;\n}\n');
    try {
      const plan = repo.planJson();
      expect(plan.bump).toBe('minor');
      expect(plan.changes).toEqual([expect.objectContaining({ type: 'export-added', level: 'minor' })]);
      expect(plan.changes[0].text.en).toBe('`@org/agora-rec-codes` now exports `releaseTestHelper`.');
      repo.git('commit', '-q', '-am', 'an export more');
      repo.git('tag', 'with-helper');
      repo.write('src/index.ts', repo.read('src/index.ts').replace(/\n\/\*\* Added by the release test[\s\S]*$/, '\n'));
      const removed = repo.planJson('--since', 'with-helper');
      expect(removed.bump).toBe('major');
      expect(removed.from).toMatchObject({ how: 'since', ref: 'with-helper' });
      expect(removed.changes.map((c) => c.text.en)).toEqual(['`@org/agora-rec-codes` no longer exports `releaseTestHelper`.']);
    } finally {
      repo.reset();
      repo.git('reset', '-q', '--hard', base);
      if (repo.git('tag', '--list', 'with-helper')) repo.git('tag', '-d', 'with-helper');
    }
  });
});

describe('release:plan usage', () => {
  it('exits 2 with one line for an unknown ref, an unknown option or a missing value', () => {
    for (const args of [['--since', 'no-such-tag'], ['--frobnicate'], ['--since']]) {
      const r = repo.plan(...args);
      expect(r.status, output(r)).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^release:plan: /);
    }
    expect(repo.plan('--since', 'no-such-tag').stderr).toContain('no-such-tag');
  });

  it('compares with any ref given with --since', () => {
    expect(repo.planJson('--since', 'HEAD')).toMatchObject({ bump: 'none', from: { how: 'since', ref: 'HEAD' } });
  });
});

describe('release:plan without the tag', () => {
  it('compares with the commit data/releases.yaml records, and asks for --since when that commit is not there either', () => {
    const other = gitRepo({ prefix: 'release-untagged-' });
    try {
      // The copy's releases.yaml records a commit of the real repository: not in this one.
      const r = other.plan();
      expect(r.status, output(r)).toBe(2);
      expect(r.stderr).toMatch(/^release:plan: no earlier release to compare with: no tag v0\.1\.0, and the commit data\/releases\.yaml records for 0\.1\.0 \([0-9a-f]{12}\) is not in this repository; pass --since <git-ref>\n$/);
      // Record this repository's commit instead, as `npm run release` does.
      const head = other.git('rev-parse', 'HEAD');
      other.edit('data/releases.yaml', /^ {4}commit: [0-9a-f]+$/m, `    commit: ${head}`);
      other.git('commit', '-q', '-am', 'release recorded here');
      const plan = other.planJson();
      expect(plan.from).toMatchObject({ how: 'recorded', ref: '0.1.0', commit: head });
      expect(plan.bump).toBe('none');
    } finally {
      other.remove();
    }
  });

  it('plans the first release when nothing was released yet: every record, at package.json\'s version', () => {
    const fresh = gitRepo({ prefix: 'release-first-' });
    try {
      fresh.git('rm', '-q', 'data/releases.yaml', 'CHANGELOG.md');
      fresh.git('commit', '-q', '-m', 'no release yet');
      const plan = fresh.planJson();
      expect(plan).toMatchObject({ bump: 'initial', next: '0.1.0', from: { how: 'none' } });
      expect(plan.changes.map((c) => c.ref).sort()).toEqual(records.map(recordRef).sort());
      expect(new Set(types(plan))).toEqual(new Set(['record-added']));
      expect(plan.draft!.markdown).toMatch(/^First release: \d+ records in \d+ kinds/m);
      // Recorded as it was here: the first entry of data/releases.yaml and CHANGELOG.md, version unchanged.
      const released = fresh.release('0.1.0', '--date', '2026-11-30');
      expect(released.status, output(released)).toBe(0);
      expect(fresh.read('data/releases.yaml')).toMatch(/^releases:\n {2}- version: 0\.1\.0\n {4}date: 2026-11-30\n {4}commit: [0-9a-f]{40}\n {4}bump: initial\n/m);
      expect(fresh.read('CHANGELOG.md')).toMatch(/^## 0\.1\.0 — 2026-11-30$/m);
      expect(JSON.parse(fresh.read('package.json')).version).toBe('0.1.0');
    } finally {
      fresh.remove();
    }
  });
});

describe('release:plan on a bare copy (data/ and scripts/ only)', () => {
  it('still judges a renamed constant major and a new record minor, saying what it could not compare', () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-bare-'));
    const run = (cmd: string, args: string[]) => {
      const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' } });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    try {
      for (const path of ['data', 'scripts', 'package.json']) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
      run('git', ['init', '-q']);
      run('git', ['add', '-A']);
      run('git', ['commit', '-q', '-m', 'released']);
      run('git', ['tag', 'v0.1.0']);
      const file = join(dir, 'data/error-codes.yaml');
      const before = record('error-code:433').constant;
      writeFileSync(file, readFileSync(file, 'utf8').replace(`constant: ${before}\n`, 'constant: RESOURCE_ID_TOO_OLD\n') + NEW_RECORD);
      const plan = JSON.parse(run(process.execPath, ['scripts/release-plan.ts', '--json'])) as PlanJson;
      expect(plan.bump).toBe('major');
      expect(plan.changes.map((c) => [c.type, c.level, c.ref])).toEqual([
        ['constant-renamed', 'major', 'error-code:433'],
        ['record-added', 'minor', 'error-code:1099'],
      ]);
      expect(plan.notes.join('\n')).toContain("the package's exports were not compared");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
