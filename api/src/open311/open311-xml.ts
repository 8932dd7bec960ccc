/** What Open311 answers in JSON; the same value is written as XML. */
export type JsonValue = string | number | boolean | null | undefined | JsonValue[] | { [name: string]: JsonValue };

/**
 * The element each item of a list is written as, by the list's own element (GeoReport v2 and FixMyStreet's
 * names): `<services><service>`, `<service_requests><request>`, `<attributes><attribute>`, `<values><value>`,
 * `<errors><error>`, `<service_request_updates><request_update>`.
 */
const ITEM_ELEMENTS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  service_request_updates: 'request_update',
};

/** Characters XML 1.0 cannot carry at all (control characters other than tab and line breaks): dropped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const escapeXml = (s: string) => s.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

function element(name: string, value: JsonValue): string {
  if (value === null || value === undefined || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENTS[name];
    if (!item) throw new Error(`open311 XML: no item element for <${name}>`);
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole XML answer: `xmlDocument('services', [...])`, `xmlDocument('service_definition', {...})`. */
export const xmlDocument = (root: string, value: JsonValue) => `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
