import { SaxesParser, type SaxesTagNS } from 'saxes';
import { MalformedRequestError } from '../../errors.js';

/**
 * Reads an XML document into a namespace-resolved element tree, safely: any DOCTYPE (so any
 * DTD, entity declaration or external entity: XXE, billion laughs) is refused outright, only
 * XML's five predefined entities and character references are expanded, and nesting deeper
 * than `maxDepth` is refused. Anything wrong is a MalformedRequestError (a SOAP Fault).
 * The size limit is the body reader's (soap-face.ts), before this runs.
 */
export interface XmlElement {
  uri: string;
  local: string;
  attributes: readonly XmlAttribute[];
  children: XmlElement[];
  /** The element's own character data (text and CDATA), untrimmed. */
  text: string;
}

export interface XmlAttribute {
  uri: string;
  local: string;
  value: string;
}

/** Payline's deepest request is 6 levels under the envelope's root; this leaves ample room. */
export const MAX_XML_DEPTH = 32;

export function readXml(source: string, maxDepth = MAX_XML_DEPTH): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('doctype', () => {
    throw new MalformedRequestError('a DOCTYPE is not accepted (no DTD, no entity declarations)');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= maxDepth) throw new MalformedRequestError(`XML nested deeper than ${maxDepth} levels`);
    const element: XmlElement = {
      uri: tag.uri,
      local: tag.local,
      attributes: Object.values(tag.attributes).map((a) => ({ uri: a.uri, local: a.local, value: a.value })),
      children: [],
      text: '',
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(source).close();
  } catch (error) {
    if (error instanceof MalformedRequestError) throw error;
    throw new MalformedRequestError(`malformed XML: ${(error as Error).message}`, { cause: error });
  }
  if (!root) throw new MalformedRequestError('malformed XML: no root element');
  return root;
}

/** The value of the attribute `{uri}local`, if present. */
export function attributeOf(element: XmlElement, uri: string, local: string): string | undefined {
  return element.attributes.find((a) => a.uri === uri && a.local === local)?.value;
}
