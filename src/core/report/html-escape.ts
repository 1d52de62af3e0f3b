const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values: every name, note and quote in a
 * report comes from a user's file and is data, never markup.
 * @param text any value (null and undefined give an empty string)
 * @returns the text with & < > " ' replaced by entities
 * @example escapeHtml('<b>金地 & 国际</b>') // '&lt;b&gt;金地 &amp; 国际&lt;/b&gt;'
 */
export function escapeHtml(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
