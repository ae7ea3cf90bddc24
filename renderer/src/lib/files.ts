// Files in and out of the renderer. In: a chosen File becomes base64 for the contract. Out: CSV text
// becomes a download through a blob: URL on a link with `download`. The CSP (default-src 'self';
// img-src/media-src allow blob:) does not govern downloads: a download is not a fetch of a
// subresource, so Chromium saves a blob: link under this CSP (proved by test/e2e/review.spec.ts).

/** A file's bytes as base64 (chunked, so a 40 MB file does not overflow the argument list). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Saves text as a file in the browser's downloads (the Electron app shows its save dialog). */
export function saveTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; a minute is generous for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
