/**
 * A multipart/form-data body built by hand, so tests can send it under whatever Content-Type a
 * real client sends (none, "multipart/form-data" without a boundary, "application/json", ...).
 */
export interface MultipartFile {
  field: string;
  filename: string;
  mime?: string;
  bytes: Uint8Array | string;
}

export function multipartBody(fields: Record<string, string>, files: MultipartFile[] = [], boundary = '------------------------origo7MA4YWxkTrZu0gW'): { body: Buffer; boundary: string; contentType: string } {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.mime ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(Buffer.from(f.bytes));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), boundary, contentType: `multipart/form-data; boundary=${boundary}` };
}
