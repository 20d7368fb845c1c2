/** Saves text as a file through a Blob URL (Electron's will-download or the browser's download bar). */
export function downloadText(fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the download has started reading the blob; revoking synchronously can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
