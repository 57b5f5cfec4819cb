/**
 * The basis check: every claim beyond a plain quote says where it comes from.
 * Every retry policy (the record's and each meaning's), every action and the
 * facts carry a `basis` (schema.ts: Basis); a basis that names a source names
 * one the record cites, so that a delay, a backoff or a limit said to be
 * Agora's can be found where the record says. `backoff: true` claims a source
 * asks for backoff, so it needs a sourced basis.
 */
import type { Basis, CatalogRecord, Meaning, RetryPolicy } from './schema.ts';
import { isSourced } from './schema.ts';

export type BasisProblem = { field: PropertyKey[]; message: string };

const HOW = 'basis: {source: <an id in sources>} when a source says so, or basis: {recommendation: {zh, en}} with one line on why it is our advice';

/** What a retry policy claims, in words, for a message: "delaysMs [3000, 6000]", "backoff". */
function policyClaims(policy: RetryPolicy): string {
  const claims: string[] = [];
  if ('delaysMs' in policy) claims.push(`delaysMs [${policy.delaysMs.join(', ')}]`);
  if ('backoff' in policy && policy.backoff) claims.push('backoff: true');
  return claims.length ? `the next step (${policy.action}, ${claims.join(', ')})` : `the next step (${policy.action})`;
}

function factClaims(facts: NonNullable<CatalogRecord['facts']>): string {
  const { basis: _basis, ...values } = facts;
  const names = Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (typeof v === 'object' ? k : `${k} ${JSON.stringify(v)}`));
  return `the facts (${names.join(', ')})`;
}

/** A basis must exist; a sourced one must name a source the record cites. */
function checkBasis(record: CatalogRecord, basis: Basis | undefined, field: PropertyKey[], what: string, missing: string): BasisProblem[] {
  if (!basis) return [{ field, message: `${missing}: ${HOW}` }];
  if (isSourced(basis) && !record.sources.includes(basis.source)) {
    return [
      {
        field: [...field, 'basis', 'source'],
        message: `${what}: marked as from source ${basis.source}, but the record does not cite ${basis.source} in sources: add it there if it says so, or mark this as our recommendation`,
      },
    ];
  }
  return [];
}

function policyProblems(record: CatalogRecord, policy: RetryPolicy, field: PropertyKey[]): BasisProblem[] {
  const problems = checkBasis(record, policy.basis, field, policyClaims(policy), `${policyClaims(policy)}: no basis says where it comes from`);
  if ('backoff' in policy && policy.backoff && policy.basis && !isSourced(policy.basis)) {
    problems.push({
      field: [...field, 'backoff'],
      message: 'backoff: true says a source asks for backoff, but the basis is our recommendation: drop backoff, or cite the source that asks for it',
    });
  }
  if ('thenBasis' in policy && policy.thenBasis) {
    if (!policy.then) problems.push({ field: [...field, 'thenBasis'], message: 'thenBasis says where `then` comes from, but the policy has no then: drop thenBasis' });
    else if (isSourced(policy.thenBasis) && !record.sources.includes(policy.thenBasis.source)) {
      problems.push({
        field: [...field, 'thenBasis', 'source'],
        message: `then: ${policy.then} is marked as from source ${policy.thenBasis.source}, but the record does not cite ${policy.thenBasis.source} in sources: add it there if it says so`,
      });
    }
  }
  return problems;
}

function meaningProblems(record: CatalogRecord, meaning: Meaning, i: number): BasisProblem[] {
  const field = ['meanings', i];
  const problems: BasisProblem[] = [];
  if (!record.sources.includes(meaning.source)) {
    problems.push({
      field: [...field, 'source'],
      message: `this meaning comes from source ${meaning.source}, which the record does not cite: add ${meaning.source} to sources`,
    });
  }
  if (meaning.basis && isSourced(meaning.basis) && meaning.basis.source !== meaning.source) {
    problems.push({
      field: [...field, 'basis', 'source'],
      message: `a meaning is sourced by its own source (${meaning.source}); a basis on a meaning only marks its text as our reading: {recommendation: {zh, en}}`,
    });
  }
  if (meaning.retry) problems.push(...policyProblems(record, meaning.retry, [...field, 'retry']));
  return problems;
}

/** Every basis problem of one record. */
export function basisProblems(record: CatalogRecord): BasisProblem[] {
  const problems = policyProblems(record, record.retry, ['retry']);
  record.meanings.forEach((m, i) => problems.push(...meaningProblems(record, m, i)));
  record.actions.forEach((action, i) =>
    problems.push(...checkBasis(record, action.basis, ['actions', i], `action ${i + 1}`, `action ${i + 1}: no basis says where it comes from`)),
  );
  if (record.facts) {
    problems.push(...checkBasis(record, record.facts.basis, ['facts'], factClaims(record.facts), `${factClaims(record.facts)}: no basis says where they come from`));
  }
  return problems;
}
