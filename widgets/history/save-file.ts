import type { DownloadedFile } from '../client/portal-client.ts';

/** Hands a downloaded file to the browser's downloads under the server's name for it, through a link placed in `parent`. */
export function saveFile({ blob, fileName }: DownloadedFile, parent: ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName, hidden: true });
  parent.append(link);
  link.click();
  link.remove();
  // The download reads the URL after click() returns; revoking it at once would cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
