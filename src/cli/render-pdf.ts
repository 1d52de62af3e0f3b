import { existsSync } from 'node:fs';
import { UsageError } from './errors';

/** Debian's Chromium (apt-get install chromium); LIFECIRCLE_CHROMIUM points elsewhere. */
export const chromiumPath = (): string => process.env.LIFECIRCLE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Prints an HTML document to PDF with headless Chromium (playwright-core): A4 as the document's
 * `@page` rule says, backgrounds kept, page numbers from its margin boxes. Nothing is fetched: every
 * request other than the document itself is refused.
 * @param html a self-contained document (reviewReportHtml)
 * @returns the PDF's bytes
 * @example await writeFile('report.pdf', await renderPdf(html))
 */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new UsageError(
      `a PDF needs Chromium, which is not installed at ${executablePath} (Debian/Ubuntu: apt-get install chromium; ` +
        'or set LIFECIRCLE_CHROMIUM to its path). Without it, write --out report.html and print that from a browser.',
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
