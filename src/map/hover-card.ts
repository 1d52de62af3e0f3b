/** A small card that follows the pointer over estates and facilities. Text only (textContent), never HTML. */
export class HoverCard {
  private readonly el: HTMLDivElement;

  constructor(container: HTMLElement) {
    this.el = document.createElement('div');
    this.el.className = 'hover-card';
    this.el.setAttribute('role', 'status');
    this.el.hidden = true;
    container.appendChild(this.el);
  }

  /** Shows lines of text near a screen point. */
  show(lines: string[], point: { x: number; y: number }): void {
    this.el.replaceChildren(
      ...lines.map((line, k) => {
        const div = document.createElement('div');
        if (k === 0) div.className = 'hover-card-title';
        div.textContent = line;
        return div;
      }),
    );
    this.el.style.transform = `translate(${Math.round(point.x + 14)}px, ${Math.round(point.y + 14)}px)`;
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
  }

  remove(): void {
    this.el.remove();
  }
}
