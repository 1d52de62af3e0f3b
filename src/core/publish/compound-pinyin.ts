import { pinyin } from 'pinyin-pro';

/**
 * The pinyin a resident may type for a compound's name, computed when publishing (the page ships no
 * dictionary). Letters and digits in the name are kept as they are, lower-cased; other characters
 * (spaces, brackets, punctuation) are left out.
 * @param name the compound's name
 * @returns full pinyin and initials, lower-case ASCII
 * @example compoundPinyin('金地国际城') // { pinyin: 'jindiguojicheng', initials: 'jdgjc' }
 */
export function compoundPinyin(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((s) => s.length > 0);
  return {
    pinyin: syllables.join(''),
    // A run of digits or Latin letters counts as one "syllable": its initial is its first character.
    initials: syllables.map((s) => s[0]).join(''),
  };
}
