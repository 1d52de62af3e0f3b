/** Types of the precompiled Ajv validator next to this file (scripts/generate-profile-schema.ts). */
import type { SchemaError } from './profile-schema-error';

/** True when `data` matches geodata/rules/profile.schema.json; otherwise `validate.errors` says why. */
export declare const validate: {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
};
export default validate;
