/**
 * The repository and the package, in one place: every snippet uses the
 * package's name, and every "edit this record" link the repository named by
 * package.json's `repository` field. Where package.json names none (or a host
 * whose edit URLs we do not know), pages have no edit link: never a guessed one.
 */
import pkg from '../../package.json' with { type: 'json' };

export const PACKAGE_NAME: string = pkg.name;

/** The branch edit links open. */
export const EDIT_BRANCH = 'main';

type Repository = string | { type?: string; url?: string; directory?: string } | undefined;

const HOSTS: Record<string, (web: string, path: string) => string> = {
  'github.com': (web, path) => `${web}/edit/${EDIT_BRANCH}/${path}`,
  'gitlab.com': (web, path) => `${web}/-/edit/${EDIT_BRANCH}/${path}`,
  'codeberg.org': (web, path) => `${web}/_edit/${EDIT_BRANCH}/${path}`,
};
const SHORTCUTS: Record<string, string> = { github: 'github.com', gitlab: 'gitlab.com' };

/**
 * The web address of a repository as package.json may give it: `owner/repo`
 * (GitHub), `github:owner/repo`, `gitlab:owner/repo`, an https or git+https
 * URL, or `git@host:owner/repo.git`. Undefined for anything else.
 */
export function repositoryWebUrl(repository: Repository): { host: string; web: string; directory: string } | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  const directory = (typeof repository === 'object' && repository?.directory ? repository.directory.replace(/^\/+|\/+$/g, '') + '/' : '');
  if (!raw) return undefined;
  const shortcut = /^(?:(github|gitlab):)?([\w.-]+)\/([\w.-]+)$/.exec(raw);
  if (shortcut) {
    const host = SHORTCUTS[shortcut[1] ?? 'github'];
    return { host, web: `https://${host}/${shortcut[2]}/${shortcut[3].replace(/\.git$/, '')}`, directory };
  }
  const url = /^(?:git\+)?(?:https:\/\/|ssh:\/\/git@|git@)([\w.-]+)[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(raw);
  if (!url) return undefined;
  return { host: url[1], web: `https://${url[1]}/${url[2]}/${url[3]}`, directory };
}

/** The page that edits `path` (relative to the repository's package) on its host, or undefined. */
export function editUrlOf(repository: Repository, path: string): string | undefined {
  const repo = repositoryWebUrl(repository);
  const edit = repo && HOSTS[repo.host];
  return edit ? edit(repo.web, repo.directory + path) : undefined;
}

/** "Edit this record": the record's YAML file in this project's repository, or undefined when package.json names none. */
export const editUrl = (file: string | undefined): string | undefined =>
  file ? editUrlOf((pkg as { repository?: Repository }).repository, `data/${file}`) : undefined;
