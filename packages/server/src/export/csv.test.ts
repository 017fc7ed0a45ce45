// CSV cells a spreadsheet would run as a formula are defused, including the disguises that
// spreadsheets trim or fold before parsing; plain text and numbers are left alone.
import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.ts';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(A1)'],
    ['\t=1'],
    ['\r=1'],
    [' =1+1'],
    ['  @cmd'],
    ['\n=cmd|calc'],
    ['\u200b=1+1'],
    ['\ufeff=1'],
    ['\u00a0+1'],
    ['\uff1dcmd'],
    ['\u3000\uff20x'],
    ['\uff0b1'],
  ])('defuses %j with a leading apostrophe', (text) => {
    const cell = csvCell(text);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    expect(unquoted).toBe(`'${text}`);
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(csvCell('calf tight')).toBe('calf tight');
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell(null)).toBe('');
  });
});
