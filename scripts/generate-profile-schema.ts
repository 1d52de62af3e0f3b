/**
 * Writes geodata/rules/profile.schema.json (for editors and other tools) and the precompiled
 * validator src/core/rules/profile-validator.generated.js from src/core/rules/profile-schema.ts:
 * `npm run profile-schema`. tests/core/rules/profile-schema.test.ts fails when either is stale.
 */
import { writeFileSync } from 'node:fs';
import { profileSchemaFiles, SCHEMA_FILE, VALIDATOR_FILE } from './profile-schema/schema-files';

const { schema, validator } = await profileSchemaFiles();
writeFileSync(SCHEMA_FILE, schema);
writeFileSync(VALIDATOR_FILE, validator);
process.stdout.write(`wrote ${SCHEMA_FILE} and ${VALIDATOR_FILE}\n`);
