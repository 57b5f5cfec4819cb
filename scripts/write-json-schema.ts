/** npm run schema — regenerate the committed JSON Schemas in data/. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from './catalog/load.ts';
import { JSON_SCHEMA_FILES, jsonSchemaText } from './generate/json-schema.ts';

for (const name of Object.keys(JSON_SCHEMA_FILES) as (keyof typeof JSON_SCHEMA_FILES)[]) {
  writeFileSync(join(DEFAULT_DATA_DIR, name), jsonSchemaText(name));
  console.log(`wrote data/${name}`);
}
