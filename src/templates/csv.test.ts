import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvSeparator, readCsv, writeCsv, type CsvSeparator } from './csv';

describe('readCsv', () => {
  it('reads fields and lines with any line end, and no empty row after the last line break', () => {
    expect(readCsv('a;b\r\nc;d\re;f\ng;h\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(readCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks inside (RFC 4180)', () => {
    expect(readCsv('"Công nghiệp; xây dựng";"he said ""x""";"two\r\nlines"\r\n"";x', ';')).toEqual([
      ['Công nghiệp; xây dựng', 'he said "x"', 'two\r\nlines'],
      ['', 'x'],
    ]);
  });

  it('keeps empty fields, at the end of a line too, and a blank line as one empty field', () => {
    expect(readCsv(';a;;\n\nb', ';')).toEqual([['', 'a', '', ''], [''], ['b']]);
  });

  it('drops the byte-order mark and an Excel "sep=" line, whose separator it uses', () => {
    expect(readCsv('\uFEFFsep=,\r\n1;5,2\r\n')).toEqual([['1;5', '2']]);
    expect(readCsv('\uFEFFChỉ tiêu;2025\r\n')).toEqual([['Chỉ tiêu', '2025']]);
  });

  it('runs an unclosed quote to the end, and keeps text after a closing quote in the field', () => {
    expect(readCsv('a;"b;c\nd', ';')).toEqual([['a', 'b;c\nd']]);
    expect(readCsv('"a"b;c', ';')).toEqual([['ab', 'c']]);
    expect(readCsv('a"b;c', ';')).toEqual([['a"b', 'c']]);
  });

  it('keeps at most the rows and fields it is asked for', () => {
    const text = Array.from({ length: 10 }, () => 'a;b;c;d').join('\n');
    expect(readCsv(text, ';', { rows: 3, columns: 2 })).toEqual([
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('reads what writeCsv writes, field for field', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ệ', ' ', ';', ',', '"', '\n', '\r', '\t', '1', "'") });
    fc.assert(
      fc.property(
        fc.constantFrom<CsvSeparator>(';', ',', '\t'),
        fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (separator, rows) => {
          expect(readCsv(writeCsv(rows, separator), separator)).toEqual(rows);
        },
      ),
    );
  });
});

describe('csvSeparator', () => {
  it.each([
    ['Chỉ tiêu;Ngành;2025;2026', ';'],
    ['Indicator,Sector,2025,2026', ','],
    ['Indicator\tSector\t2025', '\t'],
    ['"Nông, lâm nghiệp";2025;2026', ';'],
    ['a;b,c', ';'],
    ['sep=,\na;b;c', ','],
    ['\uFEFFa;b\n1,5,2,3,4', ';'],
  ] as const)('finds the separator of %j: %j', (text, separator) => {
    expect(csvSeparator(text)).toBe(separator);
  });
});

describe('writeCsv', () => {
  it('quotes only fields that need it, with CRLF line ends', () => {
    expect(
      writeCsv(
        [
          ['Dịch vụ', '6,5%', 'a;b', 'say "x"'],
          [' lead', 'two\nlines', '', 'x'],
        ],
        ';',
      ),
    ).toBe('Dịch vụ;6,5%;"a;b";"say ""x"""\r\n" lead";"two\nlines";;x\r\n');
  });
});
