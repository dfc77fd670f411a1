/** Saves a Blob as a file through a temporary link (in the app and in the browser alike). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves CSV text as `<stem>.csv`. */
export function saveCsv(csv: string, stem: string): void {
  saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${stem}.csv`);
}

/** A file name's stem from free text: letters and digits of any script, `_` and `-`; anything else becomes a dash. */
export function fileStem(text: string, maxLength: number): string {
  return text.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/-+/g, '-').slice(0, maxLength);
}
