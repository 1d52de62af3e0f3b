/**
 * The review report's style sheet, screen and print. A4 pages with page numbers in the bottom margin
 * box (CSS Paged Media margin boxes: Chromium draws them in print and in page.pdf since version 131),
 * table headers repeated on every page (thead as table-header-group), a CJK font stack that finds a
 * Chinese font on Linux, macOS and Windows.
 * @param pageLabel the page-number text as CSS `content` (e.g. `"第 " counter(page) " 页，共 " counter(pages) " 页"`)
 * @returns CSS text
 * @example reviewReportCss('"Page " counter(page) " of " counter(pages)')
 */
export function reviewReportCss(pageLabel: string): string {
  return `
@page { size: A4; margin: 14mm 13mm 16mm 13mm;
  @bottom-center { content: ${pageLabel}; font-size: 9pt; color: #555; } }
:root { --line: #c8ccd0; --muted: #555; --pass: #1a7f37; --fail: #c62828; --unknown: #a15c00; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
  "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif; font-size: 9pt; color: #111;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 0 0 3mm; display: flex; gap: 3mm; align-items: baseline; }
h3 { font-size: 10.5pt; margin: 3.5mm 0 1.5mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
thead { display: table-header-group; }
tr, tbody.rule { break-inside: avoid; page-break-inside: avoid; }
table.rules col.c-rule { width: 52%; }
table.rules tr.cite td { border-top: none; padding-top: 0; }
table.rules tbody.rule tr:first-child td { border-bottom: none; }
table.rules tbody.not-applicable td { color: var(--muted); }
th, td { border: 0.5pt solid var(--line); padding: 0.8mm 1.4mm; text-align: left; vertical-align: top; }
thead th { background: #eef1f4; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.verdict, .conclusion { font-weight: 600; white-space: nowrap; }
.s-pass, .c-compliant { color: var(--pass); }
.s-fail, .c-non-compliant { color: var(--fail); }
.s-insufficient-data, .c-incomplete { color: var(--unknown); }
.s-not-applicable { color: var(--muted); }
blockquote { margin: 1mm 0 0; padding: 0.5mm 2mm; border-left: 2pt solid var(--line); background: #f6f7f8; }
.ref, .note { color: var(--muted); font-size: 8.5pt; }
.badge { border: 0.5pt solid currentColor; border-radius: 2mm; padding: 0 1.5mm; font-size: 8.5pt; }
.box { border: 0.8pt solid var(--line); padding: 2mm 3mm; margin: 2mm 0 3mm; break-inside: avoid; }
.estate, .estate-map { break-before: page; page-break-before: always; }
.estate-map figure { margin: 0; break-inside: avoid; }
.estate-map svg { width: 100%; max-height: 215mm; }
.estate-map figcaption { margin-top: 2mm; }
.mode-straight { color: var(--fail); font-weight: 600; }
@media screen { body { padding: 10mm; } .estate, .estate-map { border-top: 1px dashed #999; padding-top: 8mm; margin-top: 8mm; } }
`;
}
