// Which delimiter a CSV uses: comma (most of the world), semicolon (Excel in locales whose decimal
// separator is a comma) or tab (Excel's "Unicode text"). Decided over the first lines, counting
// delimiters outside quotes; a file where none of them appears is one column.
export type Delimiter = ',' | ';' | '\t';
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];
const SAMPLE_LINES = 20;

function sampleLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < SAMPLE_LINES && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim().length > 0) lines.push(line);
    start = end + 1;
  }
  return lines;
}

/** Occurrences of each candidate outside double quotes (a quoted field may hold any of them). */
function countOutsideQuotes(line: string): Record<Delimiter, number> {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  return counts;
}

export function sniffDelimiter(text: string): Delimiter {
  const lines = sampleLines(text).map(countOutsideQuotes);
  if (lines.length === 0) return ',';
  let best: { delimiter: Delimiter; consistent: number; mode: number } = { delimiter: ',', consistent: 0, mode: 0 };
  for (const delimiter of CANDIDATES) {
    const tally = new Map<number, number>();
    for (const c of lines) tally.set(c[delimiter], (tally.get(c[delimiter]) ?? 0) + 1);
    // The most frequent non-zero count, and on how many lines it occurs: a real delimiter splits
    // most lines into the same number of fields; a stray one in a model name does not.
    let mode = 0;
    let consistent = 0;
    for (const [n, lineCount] of tally) {
      if (n > 0 && (lineCount > consistent || (lineCount === consistent && n > mode))) {
        mode = n;
        consistent = lineCount;
      }
    }
    if (consistent > best.consistent || (consistent === best.consistent && mode > best.mode)) best = { delimiter, consistent, mode };
  }
  return best.delimiter;
}
