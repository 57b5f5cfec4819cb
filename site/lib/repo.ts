/** The repository and the package, in one place: every "edit" link and every snippet uses these. */
export const REPO_URL = 'https://github.com/org/agora-rec-codes';
export const PACKAGE_NAME = '@org/agora-rec-codes';
