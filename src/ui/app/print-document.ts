/**
 * Prints a self-contained HTML document (the review report) through a hidden same-origin iframe:
 * no pop-up for a blocker to stop, and the planner's own page and print style stay untouched.
 */

/** The frame's class (hidden by styles.css) and its test id. */
export const PRINT_FRAME_CLASS = 'print-frame';

/**
 * Replaces the previous print frame with one holding `html`, and prints it once it has loaded. The
 * frame is sandboxed without scripts (the report has none); `allow-modals` lets it print and
 * `allow-same-origin` lets the page call its print(). It stays until the next document replaces it.
 * @param html the document
 * @param title accessible name of the frame
 * @param doc the page's document
 * @returns the frame, after print() was called on it
 */
export function printDocument(
  html: string,
  title: string,
  doc: Document = document,
): Promise<HTMLIFrameElement> {
  doc.querySelector(`iframe.${PRINT_FRAME_CLASS}`)?.remove();
  const frame = doc.createElement('iframe');
  frame.className = PRINT_FRAME_CLASS;
  frame.dataset.testid = 'report-frame';
  frame.title = title;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow;
        if (!view) {
          reject(new Error('the print frame has no window'));
          return;
        }
        view.focus();
        view.print();
        frame.dataset.printed = 'true';
        resolve(frame);
      },
      { once: true },
    );
    frame.srcdoc = html;
    doc.body.appendChild(frame);
  });
}
