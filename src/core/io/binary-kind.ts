/** Files people rename by mistake, recognised by their first bytes (their “magic numbers”). */
const SIGNATURES: readonly { bytes: readonly number[]; en: string; zh: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], en: 'a PNG image', zh: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], en: 'a JPEG image', zh: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], en: 'a GIF image', zh: 'GIF 图片' },
  { bytes: [0x25, 0x50, 0x44, 0x46], en: 'a PDF document', zh: 'PDF 文档' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    en: 'an old Office file (.xls / .doc)',
    zh: '旧版 Office 文件（.xls / .doc）',
  },
  { bytes: [0x52, 0x61, 0x72, 0x21], en: 'a RAR archive', zh: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], en: 'a 7-Zip archive', zh: '7-Zip 压缩包' },
];

/**
 * What a file really is when its first bytes say it is not data the importer reads (a picture
 * renamed `.csv`, an `.xls` saved under `.xlsx`), so the message can say so plainly.
 * @param data the file's bytes (text input is never binary)
 * @returns the kind in English and Chinese, or null for anything else
 * @example binaryKind(pngBytes) // { en: 'a PNG image', zh: 'PNG 图片', ole: false }
 */
export function binaryKind(data: Uint8Array | string): { en: string; zh: string; ole: boolean } | null {
  if (typeof data === 'string') return null;
  const hit = SIGNATURES.find((s) => s.bytes.every((b, i) => data[i] === b));
  return hit ? { en: hit.en, zh: hit.zh, ole: hit.bytes[0] === 0xd0 } : null;
}
