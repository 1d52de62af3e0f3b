/**
 * Check a dBase III header against the bytes that follow it, before any record is read: the record
 * count (bytes 4–7), header length (8–9) and record length (10–11) must describe at most the bytes the
 * file holds. A header claiming 2³¹ records in a 705-byte file would otherwise make the reader loop for
 * hours building empty records.
 * @param dbf the .dbf bytes
 * @returns null when the header fits the file, else what is wrong (English and Chinese)
 * @example checkDbfSize(writeDbf(fields, rows)) // null
 */
export function checkDbfSize(dbf: Uint8Array): { en: string; zh: string } | null {
  if (dbf.length < 32) {
    return {
      en: `is ${dbf.length} bytes long, shorter than a dBase header (32 bytes)`,
      zh: `只有 ${dbf.length} 字节，短于 dBase 文件头（32 字节）`,
    };
  }
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > dbf.length) {
    return {
      en: `header length ${headerLength} does not fit a file of ${dbf.length} bytes`,
      zh: `文件头长度 ${headerLength} 与文件大小 ${dbf.length} 字节不符`,
    };
  }
  if (records > 0 && recordLength < 1) {
    return {
      en: `claims ${records} records of 0 bytes`,
      zh: `声称有 ${records} 条长度为 0 的记录`,
    };
  }
  const room = Math.floor((dbf.length - headerLength) / Math.max(recordLength, 1));
  if (records > room) {
    return {
      en: `header claims ${records} records of ${recordLength} bytes but the file (${dbf.length} bytes) holds at most ${room}: the file is damaged or cut short`,
      zh: `文件头声称有 ${records} 条记录（每条 ${recordLength} 字节），但文件（${dbf.length} 字节）最多容纳 ${room} 条：文件已损坏或不完整`,
    };
  }
  return null;
}
