import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'templateHistory.caption': 'Số liệu đã thực hiện',
  'templateHistory.hint':
    'Nhập số liệu đã công bố đến năm gốc {year}: tốc độ tăng trưởng và tỷ trọng theo %, GRDP theo {unit}. Chỉ nhập số, không nhập công thức.',
  'templateHistory.colIndicator': 'Chỉ tiêu',
  'templateHistory.addYear': '+ Thêm năm {year}',
  'templateHistory.cell': '{name} năm {year}',
  'templateHistory.row.grdp': 'GRDP theo giá so sánh năm {base} ({unit})',
  'templateHistory.row.grdpNominal': 'GRDP theo giá hiện hành ({unit})',
  'templateHistory.row.grdpGrowth': 'Tốc độ tăng trưởng GRDP (giá so sánh năm {base})',
  'templateHistory.row.grdpPerCapita': 'GRDP bình quân đầu người (triệu đồng)',
  'templateHistory.row.grdpPerCapitaUsd': 'GRDP bình quân đầu người (USD)',
  'templateHistory.row.structure': 'Cơ cấu kinh tế (giá hiện hành) – {name}',
  'templateHistory.row.value': '{name} (giá so sánh năm {base}, {unit})',
  'templateHistory.row.nominal': '{name} (giá hiện hành, {unit})',
  'templateHistory.row.growth': 'Tốc độ tăng trưởng {name}',
  'templateHistory.row.price': 'Thay đổi giá {name}',
  'templateHistory.row.share': 'Tỷ trọng {name} trong GRDP',
  'templateHistory.row.focusShare': 'Tỷ trọng {name} trong GRDP (ngành trọng tâm)',
  'templateHistory.shareTotal': 'Tổng tỷ trọng các ngành',
  'templateHistory.assumptions': 'Giá, dân số, tỷ giá',
  'templateHistory.prices': 'Thay đổi giá (chỉ số giảm phát) của từng ngành, %/năm',
  'templateHistory.colSector': 'Ngành',
  'templateHistory.priceOf': 'Thay đổi giá {name} năm {year}',
  'templateHistory.byYear': 'Dân số, tỷ giá và các chỉ tiêu khác theo năm',
  'templateHistory.perCapitaStarts':
    'Mẫu chưa tính GRDP bình quân đầu người: nhập số dân hoặc tỷ giá đầu tiên để bắt đầu tính.',
  'templateHistory.population': 'Dân số trung bình (nghìn người)',
  'templateHistory.usdRate': 'Tỷ giá (đồng/USD)',
  'templateHistory.allYears': '{name}, mọi năm',
  'templateHistory.params': 'Tham số',
  'templateHistory.colValue': 'Giá trị',
  'templateHistory.formulas': 'Có thể nhập công thức bắt đầu bằng “=” như trong bảng tính.',
};

/** Every text key of the history and assumptions tables of the template editor. */
export type TemplateHistoryKey = keyof typeof vi;

const en: Record<TemplateHistoryKey, string> = {
  'templateHistory.caption': 'Recorded figures',
  'templateHistory.hint':
    'Enter the published figures up to the base year {year}: growth rates and shares in %, GRDP in {unit}. Numbers only, no formulas.',
  'templateHistory.colIndicator': 'Indicator',
  'templateHistory.addYear': '+ Add year {year}',
  'templateHistory.cell': '{name} in {year}',
  'templateHistory.row.grdp': 'GRDP at constant {base} prices ({unit})',
  'templateHistory.row.grdpNominal': 'GRDP at current prices ({unit})',
  'templateHistory.row.grdpGrowth': 'GRDP growth (constant {base} prices)',
  'templateHistory.row.grdpPerCapita': 'GRDP per capita (million VND)',
  'templateHistory.row.grdpPerCapitaUsd': 'GRDP per capita (USD)',
  'templateHistory.row.structure': 'Economic structure (current prices) – {name}',
  'templateHistory.row.value': '{name} (constant {base} prices, {unit})',
  'templateHistory.row.nominal': '{name} (current prices, {unit})',
  'templateHistory.row.growth': '{name} growth',
  'templateHistory.row.price': '{name} price change',
  'templateHistory.row.share': 'Share of {name} in GRDP',
  'templateHistory.row.focusShare': 'Share of {name} in GRDP (focus sector)',
  'templateHistory.shareTotal': 'Sectors’ shares together',
  'templateHistory.assumptions': 'Prices, population, exchange rate',
  'templateHistory.prices': 'Price change (deflator) of each sector, % a year',
  'templateHistory.colSector': 'Sector',
  'templateHistory.priceOf': '{name} price change in {year}',
  'templateHistory.byYear': 'Population, exchange rate and other indicators by year',
  'templateHistory.perCapitaStarts':
    'The template does not compute GRDP per capita yet: the first population or exchange-rate figure starts it.',
  'templateHistory.population': 'Average population (thousand people)',
  'templateHistory.usdRate': 'Exchange rate (VND per USD)',
  'templateHistory.allYears': '{name}, every year',
  'templateHistory.params': 'Parameters',
  'templateHistory.colValue': 'Value',
  'templateHistory.formulas': 'Formulas starting with “=” work as in the sheet.',
};

/** The texts of the history and assumptions tables of the template editor per language, same keys; only the editor imports them. */
export const templateHistoryDictionaries = { vi, en };

/** Looks up a text of the history and assumptions tables of the template editor and fills its {placeholders}. */
export const translateTemplateHistory = textPart(templateHistoryDictionaries);
