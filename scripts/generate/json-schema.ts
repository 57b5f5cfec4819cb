/**
 * The JSON Schemas that editors use while a record is typed, generated from
 * the zod schema: data/catalog.schema.json for record files,
 * data/api.schema.json for data/api.yaml, data/glossary.schema.json for
 * data/glossary.yaml, data/releases.schema.json for data/releases.yaml and
 * data/synonyms.schema.json for data/synonyms.yaml. Same schema → same bytes.
 */
import { z } from 'zod';
import { ApiFile, GlossaryFile, RecordFile, ReleasesFile, SearchWordsFile } from '../catalog/schema.ts';

export const JSON_SCHEMA_FILES = {
  'catalog.schema.json': { schema: RecordFile, title: 'agora-rec-codes: a file of catalog records' },
  'api.schema.json': { schema: ApiFile, title: 'agora-rec-codes: facts about the Cloud Recording API (data/api.yaml)' },
  'glossary.schema.json': { schema: GlossaryFile, title: 'agora-rec-codes: the terms the catalog writes (data/glossary.yaml)' },
  'releases.schema.json': { schema: ReleasesFile, title: 'agora-rec-codes: the releases, newest first (data/releases.yaml)' },
  'synonyms.schema.json': { schema: SearchWordsFile, title: 'agora-rec-codes: the words of search, synonym sets and filler words (data/synonyms.yaml)' },
} as const;

export function jsonSchemaText(name: keyof typeof JSON_SCHEMA_FILES): string {
  const { schema, title } = JSON_SCHEMA_FILES[name];
  // io: 'input' — what an editor sees is what a person types: fields with defaults are optional.
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any', reused: 'ref' });
  return JSON.stringify({ title, ...json }, null, 2) + '\n';
}
