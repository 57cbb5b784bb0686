/**
 * Test helper: speaks to the Plagiat.pl API the way its real clients do — Guzzle multipart POSTs
 * with `APIKEY` as a field, GETs with `APIKEY` in the query, PHP-curl form bodies, Chamilo JSON.
 */
export interface WireReply {
  status: number;
  type: string;
  text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: any;
  headers: Headers;
}

export type Fields = Record<string, string | string[]>;

async function reply(res: Response): Promise<WireReply> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json, headers: res.headers };
}

export function plagiatClient(base: string) {
  return {
    /** GET with query parameters (Guzzle `query`). */
    get: async (path: string, query: Fields, headers: Record<string, string> = {}) => {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) for (const x of [v].flat()) qs.append(k, x);
      return reply(await fetch(`${base}${path}?${qs}`, { headers, redirect: 'manual' }));
    },
    /** multipart/form-data POST (Guzzle `multipart`); `file` is sent as a file part. */
    multipart: async (path: string, fields: Fields, file?: { name: string; bytes: Uint8Array | string; type?: string }) => {
      const form = new FormData();
      if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? 'text/plain' }), file.name);
      for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
      return reply(await fetch(`${base}${path}`, { method: 'POST', body: form }));
    },
    /** application/x-www-form-urlencoded body (the documented form of users/orgs calls), any method. */
    form: async (method: string, path: string, fields: Fields, contentType = 'application/x-www-form-urlencoded') => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
      return reply(await fetch(`${base}${path}`, { method, body: body.toString(), headers: { 'content-type': contentType } }));
    },
    /** JSON body (Chamilo's REST client, the token service). */
    json: async (method: string, path: string, body: unknown) =>
      reply(await fetch(`${base}${path}`, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json; charset=UTF-8' } })),
  };
}

/** A minimal real DOCX (an OOXML zip with one paragraph per string), as a word processor would upload. */
export async function minimalDocx(paragraphs: string[]): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import('fflate');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}
