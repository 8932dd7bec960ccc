import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xmlDocument } from './open311-xml.js';

describe('Open311 XML writer', () => {
  it('writes lists under the spec item names, escapes markup and drops characters XML cannot carry', () => {
    const xml = xmlDocument('service_requests', [{ service_request_id: '20261015-0001', description: 'a<b & "c" \'d\'>\u0001', lat: 36.617, status_notes: null }]);
    assert.equal(
      xml,
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>20261015-0001</service_request_id>' +
        '<description>a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;</description><lat>36.617</lat><status_notes/></request></service_requests>',
    );
  });

  it('writes a definition with nested attributes and values', () => {
    const xml = xmlDocument('service_definition', { service_code: 'elevator', attributes: [{ code: 'floor', values: [{ key: '1', name: '一层' }] }] });
    assert.match(xml, /<service_definition><service_code>elevator<\/service_code><attributes><attribute><code>floor<\/code><values><value><key>1<\/key><name>一层<\/name><\/value><\/values><\/attribute><\/attributes><\/service_definition>$/);
    assert.match(xmlDocument('services', []), /<services><\/services>$/);
  });
});
