import type { ReportExport } from '../../../preload/contract/areas/reports.ts';

/** The file's bytes from the export's base64 (the API carries files as text). */
export function exportBytes(file: Pick<ReportExport, 'contentBase64'>): Uint8Array<ArrayBuffer> {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * Hands the exported file to the browser as a download (a blob: URL: the Electron shell accepts no
 * other kind of download, main/shell/navigation-policy.ts, and asks where to save it).
 */
export function saveExportFile(file: Pick<ReportExport, 'contentBase64' | 'fileName' | 'mimeType'>): void {
  const url = URL.createObjectURL(new Blob([exportBytes(file)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next tick; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
