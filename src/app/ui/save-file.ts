// Files the app hands to the user (reports, templates, pending changes) go to the browser's downloads.

/** Hands a file to the browser's downloads; the link stays valid a minute, long enough for a slow phone. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
