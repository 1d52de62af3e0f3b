import type { Confidence, RuleSource } from '../model/rule-profile';
import type { SchemaReader } from './schema-reader';

const CONFIDENCES: readonly Confidence[] = ['verified', 'secondary', 'to-verify'];
const SOURCE_KEYS = ['document', 'title', 'line', 'clause', 'quote', 'confidence', 'note'] as const;
/** Policy files in shared/policy are named `NNN_<16 hex>.txt`; citing one requires a line number. */
const POLICY_FILE = /^\d{3}_[0-9a-f]{16}\.txt$/;
/** `207` or `207, 247`. */
const LINES = /^\d+(, \d+)*$/;

/**
 * Reads one citation (a rule's `source` or a parameter's source).
 * @param value the raw JSON value
 * @param reader reader carrying the file and rule for error messages
 * @param path dotted field path, e.g. `source` or `parameterSources.walkingSpeed`
 * @returns the citation, with only the known fields
 */
export function parseSource(value: unknown, reader: SchemaReader, path: string): RuleSource {
  const obj = reader.object(value, path);
  reader.onlyKeys(obj, SOURCE_KEYS, path);
  const document = reader.string(obj, 'document', path);
  const title = reader.optionalString(obj, 'title', path);
  const line = reader.optionalString(obj, 'line', path);
  const clause = reader.optionalString(obj, 'clause', path);
  const quote = reader.string(obj, 'quote', path);
  const confidence = reader.oneOf(obj, 'confidence', CONFIDENCES, path);
  const note = reader.optionalString(obj, 'note', path);
  if (line !== undefined && !LINES.test(line))
    reader.fail(`${path}.line`, 'line numbers such as "207" or "207, 247"', line);
  if (POLICY_FILE.test(document) && line === undefined) {
    reader.fail(`${path}.line`, `the grep -n line number in ${document}`, undefined);
  }
  // Built in reading order so JSON output lists document, title, line, clause, quote, confidence, note.
  const source: RuleSource = {
    document,
    ...(title === undefined ? {} : { title }),
    ...(line === undefined ? {} : { line }),
    ...(clause === undefined ? {} : { clause }),
    quote,
    confidence,
    ...(note === undefined ? {} : { note }),
  };
  return source;
}
