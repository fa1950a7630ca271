import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'tableImport.empty': 'Bảng trống, không có gì để đọc.',
  'tableImport.tooLarge': 'Bảng quá lớn: chỉ đọc {rows} dòng và {columns} cột đầu.',
  'tableImport.noHeader': 'Không thấy dòng tiêu đề có cột “Chỉ tiêu”, “Ngành” và các năm.',
  'tableImport.notYear': 'Ô {cell}: “{text}” không phải là năm; bỏ qua cột này.',
  'tableImport.duplicate': 'Ô {cell}: đã có ở dòng hoặc cột trước; bỏ qua.',
  'tableImport.unknownIndicator': 'Ô {cell}: không rõ chỉ tiêu “{text}”; bỏ qua dòng này.',
  'tableImport.noSector': 'Ô {cell}: thiếu tên ngành; bỏ qua dòng này.',
  'tableImport.unknownSector': 'Ô {cell}: bảng không có ngành hay khu vực “{text}”; bỏ qua.',
  'tableImport.badNumber': 'Ô {cell}: không đọc được số “{text}”; bỏ qua ô này.',
  'tableImport.formula': 'Ô {cell}: không đọc công thức; hãy dán giá trị.',
  'tableImport.outOfRange': 'Ô {cell}: số “{text}” quá lớn; bỏ qua ô này.',
  'tableImport.tooLong': 'Ô {cell}: chữ quá dài, đã cắt bớt.',
  'tableImport.badValue': 'Ô {cell}: không đọc được “{text}”.',
  'tableImport.noBaseYear': 'Thiếu năm gốc: thêm dòng “Năm gốc”.',
  'tableImport.noSectors': 'Bảng không có ngành nào.',
  'tableImport.noYears': 'Không có năm nào sau năm gốc {year} để dự báo.',
  'tableImport.similarSectors': 'Ô {cell}: “{name}” gần giống “{other}” nhưng được đọc là một ngành khác.',
  'tableImport.focusDefault': 'Ngành trọng tâm: {sector} (ngành đầu tiên).',
  'tableImport.perCapita':
    'Cần cả dân số và tỷ giá để tính GRDP bình quân đầu người; bỏ qua các dòng bình quân đầu người.',
  'tableImport.computed': 'Ô {cell}: năm này do ứng dụng tự tính; bỏ qua.',
  'tableImport.missingBase': 'Ô {cell}: ngành {sector} thiếu giá trị năm gốc {year}.',
  'tableImport.missingGrowth': 'Ô {cell}: ngành {sector} thiếu tốc độ tăng trưởng năm {years}, tính là 0%.',
  'tableImport.invalid': 'Mẫu tỉnh không hợp lệ: {issue}',
  'tableImport.unreadableFile': 'Không đọc được tệp: cần tệp .xlsx hoặc .csv.',
  'tableImport.fileTooLarge': 'Tệp quá lớn (trên {size} MB).',
  'tableImport.noSheet': 'Không có trang tính “{sheet}”.',
};

/** Every text key of the spreadsheet import of templates: the problems it reports at their cells, and the file's. */
export type TableImportKey = keyof typeof vi;

const en: Record<TableImportKey, string> = {
  'tableImport.empty': 'The sheet is empty: nothing to read.',
  'tableImport.tooLarge': 'The sheet is too large: only its first {rows} rows and {columns} columns are read.',
  'tableImport.noHeader': 'No header row with the columns “Indicator”, “Sector” and the years.',
  'tableImport.notYear': 'Cell {cell}: “{text}” is not a year; the column is left out.',
  'tableImport.duplicate': 'Cell {cell}: already given in an earlier row or column; left out.',
  'tableImport.unknownIndicator': 'Cell {cell}: unknown indicator “{text}”; the row is left out.',
  'tableImport.noSector': 'Cell {cell}: no sector named; the row is left out.',
  'tableImport.unknownSector': 'Cell {cell}: the table has no sector or group “{text}”; left out.',
  'tableImport.badNumber': 'Cell {cell}: “{text}” is not a number; the cell is left out.',
  'tableImport.formula': 'Cell {cell}: formulas are not read; paste the values.',
  'tableImport.outOfRange': 'Cell {cell}: “{text}” is too large; the cell is left out.',
  'tableImport.tooLong': 'Cell {cell}: the text is too long and was cut short.',
  'tableImport.badValue': 'Cell {cell}: cannot read “{text}”.',
  'tableImport.noBaseYear': 'No base year: add a “Base year” row.',
  'tableImport.noSectors': 'The table has no sectors.',
  'tableImport.noYears': 'No year after the base year {year} to project.',
  'tableImport.similarSectors': 'Cell {cell}: “{name}” looks like “{other}” but is read as another sector.',
  'tableImport.focusDefault': 'Focus sector: {sector} (the first).',
  'tableImport.perCapita':
    'GRDP per capita needs both population and the exchange rate; the per capita rows are left out.',
  'tableImport.computed': 'Cell {cell}: the model computes this year; left out.',
  'tableImport.missingBase': 'Cell {cell}: {sector} has no value for the base year {year}.',
  'tableImport.missingGrowth': 'Cell {cell}: {sector} has no growth for {years}, taken as 0%.',
  'tableImport.invalid': 'Not a valid template: {issue}',
  'tableImport.unreadableFile': 'Cannot read the file: a .xlsx or .csv file is needed.',
  'tableImport.fileTooLarge': 'The file is too large (over {size} MB).',
  'tableImport.noSheet': 'No sheet “{sheet}”.',
};

/**
 * The texts of the spreadsheet import per language, same keys; only the import dialog (loaded on demand) needs them,
 * so they stay out of the start dictionaries.
 */
export const tableImportDictionaries = { vi, en };

/** Looks up a text of the spreadsheet import and fills its {placeholders}. */
export const translateTableImport = textPart(tableImportDictionaries);
