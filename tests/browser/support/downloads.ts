/** A file an element handed to the browser's downloads: the link's file name and the blob behind its URL. */
export interface Download {
  fileName: string;
  blob: Blob;
}

/**
 * Records what elements download (through an object URL and a link with `download`) instead of
 * letting the browser save it. Call `stop()` from afterEach.
 */
export function captureDownloads(): { downloads: Download[]; stop: () => void } {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob) => {
    const url = createObjectURL(blob);
    blobs.set(url, blob);
    return url;
  };
  const onClick = (event: MouseEvent) => {
    const link = event.composedPath()[0];
    if (!(link instanceof HTMLAnchorElement) || !link.download) return;
    event.preventDefault();
    downloads.push({ fileName: link.download, blob: blobs.get(link.href)! });
  };
  window.addEventListener('click', onClick, true);
  return {
    downloads,
    stop: () => {
      URL.createObjectURL = createObjectURL;
      window.removeEventListener('click', onClick, true);
    },
  };
}

/** The first bytes of a file as text, e.g. "%PDF" or "PK" (a zip, as .xlsx files are). */
export const magicOf = async (blob: Blob, length: number) => new TextDecoder().decode(await blob.slice(0, length).arrayBuffer());
