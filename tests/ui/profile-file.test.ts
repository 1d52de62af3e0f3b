/**
 * Profile files in the planner: the exported file passes the published schema and reads back as it
 * was; a duplicate gets its own ids; the editor's fields go through parseRuleProfile, whose errors
 * name the file, the rule and the field.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, getProfile } from '../../src/profiles';
import { draftOf, profileFromDraft } from '../../src/ui/app/profile-draft';
import {
  duplicateProfile,
  profileFileText,
  profileProblem,
  ProfileJsonError,
  readProfileFile,
  renameProfile,
} from '../../src/ui/app/profile-file';

const hefei = getProfile('hefei')!;
const schema = JSON.parse(
  readFileSync(new URL('../../geodata/rules/profile.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('duplicateProfile and renameProfile', () => {
  it('gives every profile a copy with a free id, rule ids that follow it and names marked as a copy', () => {
    for (const profile of BUILTIN_PROFILES) {
      const copy = duplicateProfile(profile, []);
      expect(copy.id).toBe(`${profile.id}user`);
      expect(copy.rules.every((r) => r.id.startsWith(`${copy.id}.`))).toBe(true);
      expect(copy.rules.map((r) => r.id.slice(copy.id.length))).toEqual(
        profile.rules.map((r) => r.id.slice(profile.id.length)),
      );
      expect(copy.name.zh).toContain('副本');
      expect(copy.name.en).toContain('copy');
      // A valid profile as it is: saving it unedited is allowed.
      expect(readProfileFile(profileFileText(copy), 'copy.json')).toEqual(copy);
    }
    expect(duplicateProfile(hefei, ['hefeiuser']).id).toBe('hefeiuser2');
    expect(duplicateProfile(duplicateProfile(hefei, []), ['hefeiuser']).id).toBe('hefeiuser2');
  });

  it('leaves the original alone when the copy is edited', () => {
    const copy = duplicateProfile(hefei, []);
    copy.rules[0]!.source.quote = 'changed';
    copy.parameters.serviceMinutes.nursery = 99;
    expect(hefei.rules[0]!.source.quote).not.toBe('changed');
    expect(hefei.parameters.serviceMinutes.nursery).not.toBe(99);
    expect(renameProfile(hefei, 'mycity').rules[0]!.id).toBe('mycity.elderly-area-new');
  });
});

describe('profile file export and import', () => {
  it('writes a file the published schema accepts and that reads back equal, edits included', () => {
    const copy = duplicateProfile(hefei, []);
    const draft = draftOf(copy);
    draft.rules[1] = { ...draft.rules[1]!, threshold: '12.5', appliesTo: ['new', 'existing'] };
    draft.parameters['serviceMinutes.nursery'] = '10';
    draft.parameters.personsPerHousehold = '3.1';
    const edited = profileFromDraft(copy, draft);
    const text = profileFileText(edited);
    const json = JSON.parse(text);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const back = readProfileFile(`\uFEFF${text}`, 'hefeiuser.json');
    expect(back).toEqual(edited);
    expect(back.rules[1]).toMatchObject({ threshold: 12.5, appliesTo: ['new', 'existing'] });
    expect(back.parameters).toMatchObject({ personsPerHousehold: 3.1, serviceMinutes: { nursery: 10 } });
  });

  it('edits the source document, title, line and quote, and renames the rules with the id', () => {
    const copy = duplicateProfile(hefei, []);
    const draft = draftOf(copy);
    draft.id = 'mycity';
    draft.nameZh = '我的城市';
    draft.rules[0] = {
      ...draft.rules[0]!,
      document: 'GB 50180-2018',
      title: '城市居住区规划设计标准',
      line: '',
      quote: '应配建',
    };
    const edited = profileFromDraft(copy, draft);
    expect(edited.id).toBe('mycity');
    expect(edited.name.zh).toBe('我的城市');
    expect(edited.rules.map((r) => r.id.split('.')[0])).toEqual(edited.rules.map(() => 'mycity'));
    expect(edited.rules[0]!.source).toMatchObject({
      document: 'GB 50180-2018',
      title: '城市居住区规划设计标准',
      quote: '应配建',
    });
    expect(edited.rules[0]!.source.line).toBeUndefined();
  });

  it('names the file, the rule and the field when an edit or a file is malformed', () => {
    const copy = duplicateProfile(hefei, []);
    const draft = draftOf(copy);
    draft.rules[2] = { ...draft.rules[2]!, threshold: 'ten' };
    const problem = profileProblem(thrown(() => profileFromDraft(copy, draft)));
    expect(problem).toMatchObject({
      file: 'hefeiuser.json',
      rule: expect.stringContaining('hefeiuser.nursery-new'),
      field: 'threshold',
    });
    expect(problem!.detail).toMatch(/expected .*number.*got "ten"/);

    const none = draftOf(copy);
    none.rules[0] = { ...none.rules[0]!, appliesTo: [] };
    expect(profileProblem(thrown(() => profileFromDraft(copy, none)))).toMatchObject({ field: 'appliesTo' });

    // A policy file cited without its line number is refused (the schema asks for one).
    const noLine = draftOf(copy);
    noLine.rules[0] = { ...noLine.rules[0]!, line: '' };
    expect(profileProblem(thrown(() => profileFromDraft(copy, noLine)))).toMatchObject({
      field: expect.stringMatching(/^source/),
    });

    const bad = JSON.parse(profileFileText(copy));
    bad.parameters.walkingSpeed = -1;
    expect(profileProblem(thrown(() => readProfileFile(JSON.stringify(bad), 'city.json')))).toMatchObject({
      file: 'city.json',
      rule: null,
      field: 'parameters.walkingSpeed',
    });
    const notJson = thrown(() => readProfileFile('{ "id": ', 'broken.json'));
    expect(notJson).toBeInstanceOf(ProfileJsonError);
    expect(profileProblem(notJson)).toMatchObject({ file: 'broken.json', field: null });
    expect(profileProblem(new TypeError('x'))).toBeNull();
  });
});
