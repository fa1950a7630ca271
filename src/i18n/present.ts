import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'present.title': 'Trình chiếu',
  'present.close': 'Thoát trình chiếu (Esc)',
  'present.levers': 'Tốc độ tăng trưởng các ngành',
  'present.mode': 'Cách điều chỉnh',
  'present.mode.rate': 'Một tốc độ chung cho mọi năm dự báo',
  'present.mode.shift': 'Cộng thêm vào tốc độ hiện có',
  'present.lever.rate': '{name} — tốc độ tăng trưởng',
  'present.lever.shift': '{name} — cộng thêm vào tốc độ hiện có (điểm phần trăm)',
  'present.typed': '{label}, nhập số hoặc khoảng giá trị (%)',
  'present.oddsNote': 'Xác suất: ước tính từ {samples} lần mô phỏng',
  'present.reset': 'Bỏ các thay đổi',
  'present.keep': 'Lưu thành kịch bản mới',
  'present.keptName': '{name} (trình chiếu)',
  'present.levered': 'Đang điều chỉnh, chưa lưu',
  'present.previous': 'Kịch bản trước (←)',
  'present.next': 'Kịch bản sau (→)',
  'present.position': 'Kịch bản {position}',
  'present.darkTheme': 'Nền tối',
  'present.date': '{date}',
  'present.shareTargets': 'Mục tiêu tỷ trọng {name}: {list}',
  'present.growthTarget': 'Mục tiêu tốc độ tăng trưởng GRDP: ≥ {value}/năm',
  'present.keys': '← → chuyển kịch bản · Esc thoát',
};

/** Every text key of the presentation. */
export type PresentKey = keyof typeof vi;

const en: Record<PresentKey, string> = {
  'present.title': 'Presentation',
  'present.close': 'Leave the presentation (Esc)',
  'present.levers': 'Sector growth levers',
  'present.mode': 'How the levers apply',
  'present.mode.rate': 'One rate for every projection year',
  'present.mode.shift': 'Added to the current rates',
  'present.lever.rate': '{name} — growth rate (every projection year)',
  'present.lever.shift': '{name} — added to the current growth rates (points)',
  'present.typed': '{label}, typed: a number or a range (%)',
  'present.oddsNote': 'Chances: estimated from {samples} simulated runs',
  'present.reset': 'Back to the scenario',
  'present.keep': 'Save as a new scenario',
  'present.keptName': '{name} (presentation)',
  'present.levered': 'Levers applied, not saved',
  'present.previous': 'Previous scenario (←)',
  'present.next': 'Next scenario (→)',
  'present.position': 'Scenario {position}',
  'present.darkTheme': 'Dark theme',
  'present.date': 'Date: {date}',
  'present.shareTargets': '{name} share targets: {list}',
  'present.growthTarget': 'GRDP growth target: ≥ {value} a year',
  'present.keys': '← → change scenario · Esc to leave',
};

/** The texts of the presentation per language, same keys; only Presentation.svelte imports them, so they load with it. */
export const presentDictionaries = { vi, en };

/** Looks up a text of the presentation and fills its {placeholders}. */
export const translatePresent = textPart(presentDictionaries);
