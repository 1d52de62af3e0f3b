/**
 * A tiny XML parser producing just enough of the DOM for @tmcw/togeojson's KML reader (no
 * @xmldom/xmldom is installed, and the core must not depend on a DOM): elements with attributes,
 * text, CDATA; comments, processing instructions and the doctype are skipped. Entities: the five XML
 * ones and numeric references. Not a general XML parser: it trusts well-formed input.
 */
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1)))
      : (ENTITIES[e] ?? m),
  );

class NodeList<T> extends Array<T> {
  item(i: number): T | null {
    return this[i] ?? null;
  }
}

class TextNode {
  parentNode: ElementNode | null = null;
  readonly childNodes = new NodeList<never>();
  constructor(
    public nodeType: 3 | 4,
    public textContent: string,
  ) {}
  get nodeName(): string {
    return this.nodeType === 3 ? '#text' : '#cdata-section';
  }
  normalize(): void {}
}

class ElementNode {
  readonly nodeType = 1;
  readonly childNodes = new NodeList<ElementNode | TextNode>();
  parentNode: ElementNode | null = null;
  readonly attributes: { name: string; value: string }[] = [];
  constructor(public tagName: string) {}
  get nodeName(): string {
    return this.tagName;
  }
  get localName(): string {
    return this.tagName.includes(':') ? this.tagName.slice(this.tagName.indexOf(':') + 1) : this.tagName;
  }
  get children(): ElementNode[] {
    return this.childNodes.filter((n): n is ElementNode => n.nodeType === 1);
  }
  get textContent(): string {
    return this.childNodes.map((n) => n.textContent).join('');
  }
  getAttribute(name: string): string | null {
    return this.attributes.find((a) => a.name === name)?.value ?? null;
  }
  getElementsByTagName(name: string): NodeList<ElementNode> {
    const out = new NodeList<ElementNode>();
    const walk = (n: ElementNode) => {
      for (const c of n.children) {
        if (name === '*' || c.tagName === name) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  getElementsByTagNameNS(_ns: string, name: string): NodeList<ElementNode> {
    const out = new NodeList<ElementNode>();
    for (const e of this.getElementsByTagName('*')) if (e.localName === name) out.push(e);
    return out;
  }
  normalize(): void {}
}

/** Parse XML text into a Document-like root (an element named #document). */
export function parseXml(text: string): ElementNode {
  const root = new ElementNode('#document');
  const stack: ElementNode[] = [root];
  const token =
    /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of text.matchAll(token)) {
    const parent = stack[stack.length - 1];
    if (!parent) throw new Error('unbalanced XML');
    const [, cdata, close, open, attrs, selfClose, chars] = m;
    const append = (node: ElementNode | TextNode) => {
      node.parentNode = parent;
      parent.childNodes.push(node);
    };
    if (cdata !== undefined) append(new TextNode(4, cdata));
    else if (chars !== undefined) append(new TextNode(3, unescape(chars)));
    else if (close !== undefined) {
      if (stack.pop()?.tagName !== close) throw new Error(`mismatched </${close}>`);
    } else if (open !== undefined) {
      const element = new ElementNode(open);
      for (const a of (attrs ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        element.attributes.push({ name: a[1] ?? '', value: unescape(a[2] ?? a[3] ?? '') });
      }
      append(element);
      if (!selfClose) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error('unclosed element');
  return root;
}
