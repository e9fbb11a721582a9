/**
 * Internal: a dataset file's bytes as text lines, refusing a file that is not UTF-8 with the
 * line of the first bad byte (a helpdesk export saved as Windows-1252 is the usual culprit).
 */
import { ProblemList } from './dataset-problems';

const NEWLINE = 0x0a;

/** The file as UTF-8 text (a leading byte-order mark dropped), or the problem list filled. */
export function decodeUtf8(bytes: Uint8Array, problems: ProblemList): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Find the line of the first undecodable byte: decode line by line.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i += 1) {
      if (i < bytes.length && bytes[i] !== NEWLINE) continue;
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        problems.add(line, 'is not valid UTF-8; save the file as UTF-8 (helpdesk exports are often Windows-1252 or Latin-1) and import it again.');
        return null;
      }
      line += 1;
      start = i + 1;
    }
    problems.add(0, 'The file is not valid UTF-8; save it as UTF-8 and import it again.');
    return null;
  }
}

/** Non-blank lines with their 1-based numbers; `\r\n` endings are accepted. */
export function numberedLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((value, i) => ({ line: i + 1, text: value.replace(/\r$/, '') }))
    .filter((entry) => entry.text.trim() !== '');
}
