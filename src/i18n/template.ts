import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'template.emptyLabel': 'Cần nhập tên.',
  'template.tooLong': 'Dài quá {max} ký tự.',
  'template.yearRange': 'Năm phải từ {min} đến {max}.',
  'template.notNumber': 'Cần nhập một số, hoặc một công thức bắt đầu bằng =.',
  'template.numberOnly': 'Ô này chỉ nhập số, không nhập công thức.',
  'template.basePositive': 'Giá trị năm gốc phải lớn hơn 0.',
  'template.rateRange': 'Tốc độ tăng trưởng phải lớn hơn −100%.',
  'template.isFocus': 'Đây là ngành trọng tâm của mục tiêu tỷ trọng: chọn ngành trọng tâm khác trước.',
  'template.inUse': 'Đang được dùng ở {rows}: sửa những chỗ đó trước.',
  'template.splitParts': 'Cần ít nhất hai phần, mỗi phần trên 0%, cộng lại đúng 100% (hiện là {total}%).',
  'template.splitBase': 'Chỉ chia được ngành có giá trị năm gốc là một số.',
  'template.noVariable': 'Mẫu tỉnh không có chỉ tiêu {id}.',
  'template.dropped': 'Đã bỏ {count} ô nằm ngoài giai đoạn {from}–{to} (năm {years}).',
  'template.baseValuesOf': 'Giá trị năm gốc vẫn là số của năm {from}: nhập số năm {to}.',
  'template.historyDropped': 'Đã bỏ số liệu thực tế của {series}.',
  'template.presetsDropped': 'Đã bỏ ngành này khỏi {count} bộ giả định có sẵn của mẫu.',
  'template.targetsMoved': 'Đã chuyển {count} mục tiêu tỷ trọng sang ngành trọng tâm mới; xem lại tên các mục tiêu.',
  'template.issue.noSectors': 'Mẫu chưa có ngành nào.',
  'template.issue.focusNotSector': 'Chưa chọn ngành trọng tâm cho mục tiêu tỷ trọng.',
  'template.issue.baseMissing': 'Thiếu giá trị năm gốc.',
  'template.issue.structureSum': 'Các ngành cộng lại {sum}, không khớp GRDP giá hiện hành năm {year} là {grdp}.',
  'template.issue.sharesSum': 'Tỷ trọng các ngành năm {year} cộng lại {total}%, khác 100%.',
  'template.issue.targetOnNothing': 'Mục tiêu đặt cho {of}, chỉ tiêu này không có trong mẫu.',
  'template.issue.growthMissing': 'Chưa có tốc độ tăng trưởng năm {years}.',
  'template.issue.unsourced': 'Chưa ghi nguồn hoặc giả định.',
};

/** Every text key of the template editor: its refusals, its notes and the issues at its fields (template.issue.*). */
export type TemplateKey = keyof typeof vi;

const en: Record<TemplateKey, string> = {
  'template.emptyLabel': 'Enter a name.',
  'template.tooLong': 'Longer than {max} characters.',
  'template.yearRange': 'The year must be from {min} to {max}.',
  'template.notNumber': 'Enter a number, or a formula starting with =.',
  'template.numberOnly': 'Only a number goes here, not a formula.',
  'template.basePositive': 'The base-year value must be above 0.',
  'template.rateRange': 'The rate must be above −100%.',
  'template.isFocus': 'This is the focus sector of the share targets: choose another focus first.',
  'template.inUse': 'Used by {rows}: change those first.',
  'template.splitParts': 'Give at least two parts, each above 0%, adding up to 100% (now {total}%).',
  'template.splitBase': 'Only a sector whose base-year value is a number can be split.',
  'template.noVariable': 'The template has no variable {id}.',
  'template.dropped': 'Dropped {count} cells outside {from}–{to} (years {years}).',
  'template.baseValuesOf': 'The base-year values are still those of {from}: enter the {to} figures.',
  'template.historyDropped': 'Dropped the recorded figures of {series}.',
  'template.presetsDropped': 'Removed the sector from {count} of the template’s ready-made assumptions.',
  'template.targetsMoved': 'Moved {count} share targets to the new focus sector; check their names.',
  'template.issue.noSectors': 'The template has no sectors.',
  'template.issue.focusNotSector': 'Choose the focus sector of the share targets.',
  'template.issue.baseMissing': 'The base-year value is missing.',
  'template.issue.structureSum': 'The sectors add up to {sum}, not the {year} GRDP at current prices of {grdp}.',
  'template.issue.sharesSum': 'The sectors’ shares in {year} add up to {total}%, not 100%.',
  'template.issue.targetOnNothing': 'The target is on {of}, which the template does not have.',
  'template.issue.growthMissing': 'No growth rate for {years}.',
  'template.issue.unsourced': 'No source or assumption given.',
};

/**
 * The texts of the template editor per language, same keys; only the editor (loaded on demand) needs them, so they
 * stay out of the start dictionaries.
 */
export const templateDictionaries = { vi, en };

/** Looks up a text of the template editor and fills its {placeholders}. */
export const translateTemplate = textPart(templateDictionaries);

/**
 * Whether a key is one of the template editor's. The editor's messages carry either its own keys or the start
 * dictionaries' (`rows.problem.*`); a view translates the first with translateTemplate, the others with translate.
 */
export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(vi, key);
}
