// What the Electron window may load. The app is one page from the packaged renderer folder; every
// navigation away from it, every new window and every permission request is refused. URLs are
// compared as parsed URLs (protocol + exact path), never with startsWith, so tricks such as
// `file:///app/index.html/../../etc/passwd` or `https://evil/?next=file://…` do not pass.

export function isAppPageUrl(candidate: string, appPageUrl: string): boolean {
  let url: URL;
  let app: URL;
  try {
    url = new URL(candidate);
    app = new URL(appPageUrl);
  } catch {
    return false;
  }
  return url.protocol === app.protocol && url.host === app.host && url.pathname === app.pathname;
}

/** Links the renderer may open outside the app (in the system browser). None for now. */
export function isAllowedExternalUrl(_candidate: string): boolean {
  return false;
}

/**
 * The one permission the app uses: the webcam (video only) for the app page itself, to read cards at
 * a kiosk and on the scanner test page. Everything else — microphone, notifications, location,
 * another page — is refused.
 */
export function isPermissionAllowed(
  permission: string,
  request: { requestingUrl: string; mediaTypes?: readonly string[] },
  appPageUrl: string,
): boolean {
  if (permission !== 'media' || !isAppPageUrl(request.requestingUrl, appPageUrl)) return false;
  return request.mediaTypes === undefined || request.mediaTypes.every((type) => type === 'video');
}

/**
 * The only downloads the app makes are the PDFs the page builds itself (a form offered when no
 * printer can take it): blob: URLs. Anything else a page might try to download is refused.
 */
export function isAllowedDownload(url: string): boolean {
  return url.startsWith('blob:');
}

/**
 * The files a page may save: declaration forms (PDF) and the supervisors' report exports (CSV, XLSX,
 * PDF). Anything else is refused, whatever the page names it.
 */
const downloadKinds = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
} as const;

/** The save dialog's filter for a download's file name, or null when that kind is not allowed. */
export function downloadFilter(name: string): { name: string; extensions: string[] } | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === undefined || !Object.hasOwn(downloadKinds, extension)) return null;
  const kind = downloadKinds[extension as keyof typeof downloadKinds];
  return { name: kind.name, extensions: [...kind.extensions] };
}

/** A download's file name without folders or characters Windows refuses (its extension kept). */
export function safeDownloadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .map((character) => (/[<>:"|?*]/.test(character) || character.charCodeAt(0) < 0x20 ? '_' : character))
    .join('')
    .trim();
  if (cleaned !== '' && !cleaned.startsWith('.')) return cleaned;
  const extension = downloadFilter(base)?.extensions[0] ?? 'pdf';
  return `tai-lieu.${extension}`;
}
