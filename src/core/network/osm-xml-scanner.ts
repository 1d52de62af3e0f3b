import type { OsmCollector } from './osm-collector';
import { OsmReadError } from './osm-read-error';

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const DQUOTE = 34;
const SQUOTE = 39;
const EQUALS = 61;

const enum Context {
  None,
  Node,
  Way,
  Relation,
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  if (value.indexOf('&') < 0) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name] ?? whole;
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // XML 1.0 Char: U+0009, U+000A, U+000D, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    const allowed =
      code === 9 ||
      code === 10 ||
      code === 13 ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) {
      throw new OsmReadError(
        `OSM XML: character reference ${whole.slice(0, 24)} in "${value.slice(0, 60)}" is not a Unicode character`,
      );
    }
    return String.fromCodePoint(code);
  });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/**
 * Value of attribute `name` in the element text s[start, end), or null. Walks the attributes one by
 * one (so `id` never matches inside `uid`), with single or double quotes.
 */
function attribute(s: string, start: number, end: number, name: string): string | null {
  let i = start;
  while (i < end) {
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < end && s.charCodeAt(i) !== EQUALS && !isSpace(s.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i >= end || s.charCodeAt(i) !== EQUALS) return null;
    i++;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    const quote = s.charCodeAt(i);
    if (quote !== DQUOTE && quote !== SQUOTE) return null;
    const valueEnd = s.indexOf(quote === DQUOTE ? '"' : "'", i + 1);
    if (valueEnd < 0 || valueEnd >= end) return null;
    if (nameEnd - nameStart === name.length && s.startsWith(name, nameStart)) {
      return decodeEntities(s.slice(i + 1, valueEnd));
    }
    i = valueEnd + 1;
  }
  return null;
}

/**
 * Streaming OSM XML reader: a hand-written scanner (no DOM) fed with text chunks of any size; an
 * element cut between two chunks is carried over. It reads `<node id lat lon>`, `<way id>` with
 * its `<nd ref>` and the `highway`/`foot`/`access` tags, and skips relations, comments and the rest.
 * @example
 * const scanner = new OsmXmlScanner(collector);
 * scanner.push(text); scanner.end();
 */
export class OsmXmlScanner {
  private carry = '';
  private consumed = 0;
  private context = Context.None;
  private sawRoot = false;
  private wayId = '';
  private highway: string | null = null;
  private foot: string | null = null;
  private access: string | null = null;

  constructor(private readonly sink: OsmCollector) {}

  /** Scans a chunk of text (the carried-over start of a cut element is prepended). */
  push(chunk: string): void {
    const s = this.carry.length > 0 ? this.carry + chunk : chunk;
    const len = s.length;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        pos = len;
        break;
      }
      const close = this.markupEnd(s, lt);
      if (close === -1) {
        pos = lt;
        break;
      }
      if (close > 0) this.element(s, lt, close);
      pos = Math.abs(close) + 1;
    }
    this.consumed += pos;
    this.carry = s.slice(pos);
  }

  /** Ends the input: reports an unfinished element or a document that was not OSM XML. */
  end(): void {
    if (this.carry.trim().length > 0) {
      throw new OsmReadError(`OSM XML: the input ends inside an element at character ${this.consumed}`);
    }
    if (!this.sawRoot)
      throw new OsmReadError('OSM XML: no <osm> root element found; expected an OpenStreetMap XML file');
  }

  /**
   * Index of the `>` closing the markup that starts at `lt`: positive for an element, negative
   * (minus the index) for a comment, processing instruction or declaration, -1 when it is cut off.
   */
  private markupEnd(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : -(end + 2);
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      return end < 0 ? -1 : -(end + 2);
    }
    if (s.startsWith('<?', lt) || s.startsWith('<!', lt)) {
      const end = s.indexOf('>', lt + 2);
      return end < 0 ? -1 : -end;
    }
    let quote = 0;
    for (let i = lt + 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === DQUOTE || c === SQUOTE) {
        quote = c;
      } else if (c === GT) {
        return i;
      } else if (c === LT) {
        throw new OsmReadError(
          `OSM XML: malformed element at character ${this.consumed + lt}: '<' inside a tag`,
        );
      }
    }
    return -1;
  }

  private element(s: string, lt: number, gt: number): void {
    const closing = s.charCodeAt(lt + 1) === SLASH;
    let nameEnd = lt + (closing ? 2 : 1);
    while (nameEnd < gt && !isSpace(s.charCodeAt(nameEnd)) && s.charCodeAt(nameEnd) !== SLASH) nameEnd++;
    const name = s.slice(lt + (closing ? 2 : 1), nameEnd);
    if (closing) {
      if (name === 'way' && this.context === Context.Way) this.endWay();
      else if ((name === 'node' && this.context === Context.Node) || name === 'relation')
        this.context = Context.None;
      return;
    }
    const selfClosing = s.charCodeAt(gt - 1) === SLASH;
    const attrEnd = selfClosing ? gt - 1 : gt;
    switch (name) {
      case 'node':
        this.node(s, nameEnd, attrEnd, lt);
        if (!selfClosing) this.context = Context.Node;
        break;
      case 'way':
        this.beginWay(s, nameEnd, attrEnd);
        if (selfClosing) this.endWay();
        break;
      case 'nd':
        if (this.context === Context.Way)
          this.sink.addRef(this.number(s, nameEnd, attrEnd, 'ref', `<nd> of way ${this.wayId}`, lt));
        break;
      case 'tag':
        if (this.context === Context.Way) this.tag(s, nameEnd, attrEnd);
        break;
      case 'relation':
        if (!selfClosing) this.context = Context.Relation;
        break;
      case 'osm':
        this.sawRoot = true;
        break;
    }
  }

  private node(s: string, start: number, end: number, lt: number): void {
    const id = this.number(s, start, end, 'id', '<node>', lt);
    const where = `<node id="${id}">`;
    const lat = this.number(s, start, end, 'lat', where, lt);
    const lon = this.number(s, start, end, 'lon', where, lt);
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      throw new OsmReadError(
        `OSM XML: ${where} at character ${this.consumed + lt}: lat ${lat}, lon ${lon} is outside [-90, 90] × [-180, 180]`,
      );
    }
    this.sink.addNode(id, lon, lat);
  }

  private beginWay(s: string, start: number, end: number): void {
    this.context = Context.Way;
    this.wayId = attribute(s, start, end, 'id') ?? '?';
    this.highway = null;
    this.foot = null;
    this.access = null;
    this.sink.beginWay();
  }

  private endWay(): void {
    this.sink.endWay(this.highway, this.foot, this.access);
    this.context = Context.None;
  }

  private tag(s: string, start: number, end: number): void {
    const k = attribute(s, start, end, 'k');
    if (k === 'highway') this.highway = attribute(s, start, end, 'v');
    else if (k === 'foot') this.foot = attribute(s, start, end, 'v');
    else if (k === 'access') this.access = attribute(s, start, end, 'v');
  }

  private number(s: string, start: number, end: number, name: string, where: string, lt: number): number {
    const text = attribute(s, start, end, name);
    const value = text === null || text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value) || ((name === 'id' || name === 'ref') && !Number.isInteger(value))) {
      throw new OsmReadError(
        `OSM XML: ${where} at character ${this.consumed + lt}: attribute ${name} is ${text === null ? 'missing' : `"${text}"`}, expected ${name === 'lat' || name === 'lon' ? 'a number' : 'an integer id'}`,
      );
    }
    return value;
  }
}
