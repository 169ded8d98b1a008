import { FormatError } from './format-error.ts';

/** One XML element: its name, attributes (entities decoded), children and where it starts. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  line: number;
}

const MAX_DEPTH = 256;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string, file: string, line: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw new FormatError(file, `bad character reference ${whole}`, `line ${line}`);
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[entity];
    if (value === undefined) throw new FormatError(file, `unknown entity ${whole}`, `line ${line}`);
    return value;
  });
}

/** The index of the `>` that closes the tag opening at `start`, skipping quoted attribute values. */
function tagEnd(text: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
    else if (c === '<') return -1;
  }
  return -1;
}

/**
 * Parses the element structure of an XML document (text content is skipped: the formats we read
 * keep their data in attributes). Handles comments, processing instructions, CDATA and doctype;
 * no namespaces or DTD entities.
 * @throws FormatError naming the file and line of the first syntax error
 */
export function parseXml(text: string, file: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let position = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = position; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    position = to;
  };
  const skipPast = (terminator: string, what: string) => {
    const end = text.indexOf(terminator, position);
    if (end < 0) throw new FormatError(file, `unterminated ${what}`, `line ${line}`);
    advance(end + terminator.length);
  };
  while (position < text.length) {
    const open = text.indexOf('<', position);
    if (open < 0) {
      if (text.slice(position).trim() && stack.length === 0) throw new FormatError(file, 'text after the root element', `line ${line}`);
      break;
    }
    if (
      stack.length === 0 &&
      text
        .slice(position, open)
        .replace(/^\uFEFF/, '')
        .trim()
    ) {
      throw new FormatError(file, 'text outside the root element', `line ${line}`);
    }
    advance(open);
    if (text.startsWith('<!--', position)) skipPast('-->', 'comment');
    else if (text.startsWith('<![CDATA[', position)) skipPast(']]>', 'CDATA section');
    else if (text.startsWith('<?', position)) skipPast('?>', 'processing instruction');
    else if (text.startsWith('<!', position)) skipPast('>', 'declaration');
    else if (text.startsWith('</', position)) {
      const match = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(text.slice(position, position + 300));
      if (!match) throw new FormatError(file, 'malformed closing tag', `line ${line}`);
      const top = stack.pop();
      if (!top || top.name !== match[1]) {
        throw new FormatError(
          file,
          `closing tag </${match[1]}> does not match ${top ? `<${top.name}> from line ${top.line}` : 'any open element'}`,
          `line ${line}`,
        );
      }
      advance(position + match[0].length);
    } else {
      const end = tagEnd(text, position);
      if (end < 0) throw new FormatError(file, 'unterminated tag', `line ${line}`);
      const body = text.slice(position + 1, end);
      const selfClosing = body.endsWith('/');
      const inner = selfClosing ? body.slice(0, -1) : body;
      const nameMatch = /^([A-Za-z_][\w.:-]*)/.exec(inner);
      if (!nameMatch) throw new FormatError(file, 'malformed tag', `line ${line}`);
      const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
      let rest = inner.slice(nameMatch[0].length);
      const attribute = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/;
      for (let match = attribute.exec(rest); match; match = attribute.exec(rest)) {
        attributes[match[1]!] = decode(match[3] ?? match[4] ?? '', file, line);
        rest = rest.slice(match[0].length);
      }
      if (rest.trim()) throw new FormatError(file, `malformed attributes in <${nameMatch[1]}>`, `line ${line}`);
      const element: XmlElement = { name: nameMatch[1]!, attributes, children: [], line };
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) throw new FormatError(file, 'more than one root element', `line ${line}`);
      else root = element;
      if (!selfClosing) {
        if (stack.length >= MAX_DEPTH) throw new FormatError(file, `elements nest deeper than ${MAX_DEPTH} levels`, `line ${line}`);
        stack.push(element);
      }
      advance(end + 1);
    }
  }
  if (stack.length > 0) throw new FormatError(file, `<${stack.at(-1)!.name}> from line ${stack.at(-1)!.line} is never closed`, `line ${line}`);
  if (!root) throw new FormatError(file, 'no XML element found');
  return root;
}
