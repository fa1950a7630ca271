import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'templateTargets.caption': 'Các bộ mục tiêu',
  'templateTargets.intro':
    'Mỗi bộ mục tiêu (nghị quyết, quy hoạch…) là các mức mà kịch bản được đối chiếu. Tỷ trọng và tốc độ tăng trưởng nhập theo %; ô để trống là năm đó không đặt mục tiêu.',
  'templateTargets.own': 'Mục tiêu của kịch bản',
  'templateTargets.ownHint':
    'Mẫu chưa có bộ mục tiêu nào: các mục tiêu dưới đây đi cùng kịch bản. Bộ mục tiêu đầu tiên được thêm sẽ nhận các mục tiêu này.',
  'templateTargets.active': 'Kịch bản mới dùng bộ này',
  'templateTargets.setName': 'Tên bộ mục tiêu {name}',
  'templateTargets.rename': 'Tên bộ',
  'templateTargets.removeSet': 'Xóa bộ mục tiêu {name}',
  'templateTargets.removeSetShort': 'Xóa bộ',
  'templateTargets.newSet': 'Tên bộ mục tiêu mới (ví dụ: Nghị quyết Đại hội)',
  'templateTargets.addSet': 'Thêm bộ mục tiêu',
  'templateTargets.colTarget': 'Mục tiêu',
  'templateTargets.colOf': 'Đặt cho',
  'templateTargets.colBound': 'Mức',
  'templateTargets.colActions': 'Thao tác',
  'templateTargets.floor': 'Mức sàn',
  'templateTargets.ceiling': 'Mức trần',
  'templateTargets.floorCell': '{target} năm {year} (mức sàn)',
  'templateTargets.ceilingCell': '{target} năm {year} (mức trần)',
  'templateTargets.of': 'Mục tiêu {target} đặt cho',
  'templateTargets.missing': 'Không có trong mẫu: {id}',
  'templateTargets.addCeiling': 'Thêm mức trần cho {target}',
  'templateTargets.addCeilingShort': '+ Mức trần',
  'templateTargets.name': 'Tên mục tiêu {target}',
  'templateTargets.removeTarget': 'Xóa mục tiêu {target}',
  'templateTargets.empty': 'Bộ này chưa có mục tiêu nào.',
  'templateTargets.addTo': 'Thêm mục tiêu vào {name}',
  'templateTargets.newOf': 'Mục tiêu mới đặt cho',
  'templateTargets.newName': 'Tên mục tiêu mới',
  'templateTargets.addTarget': 'Thêm mục tiêu',
  'templateTargets.defaultLabel': 'Mục tiêu {name}',
};

/** Every text key of the target sets editor of the template editor. */
export type TemplateTargetsKey = keyof typeof vi;

const en: Record<TemplateTargetsKey, string> = {
  'templateTargets.caption': 'Target sets',
  'templateTargets.intro':
    'Each target set (a resolution, a master plan…) holds the levels a scenario is checked against. Shares and growth rates are typed in %; an empty cell means no target that year.',
  'templateTargets.own': 'The scenario’s targets',
  'templateTargets.ownHint':
    'The template has no target set yet: the targets below go with its scenario. The first set added takes them.',
  'templateTargets.active': 'New scenarios use this set',
  'templateTargets.setName': 'Name of target set {name}',
  'templateTargets.rename': 'Set name',
  'templateTargets.removeSet': 'Remove target set {name}',
  'templateTargets.removeSetShort': 'Remove set',
  'templateTargets.newSet': 'New target set name (e.g. Party Congress resolution)',
  'templateTargets.addSet': 'Add target set',
  'templateTargets.colTarget': 'Target',
  'templateTargets.colOf': 'On',
  'templateTargets.colBound': 'Bound',
  'templateTargets.colActions': 'Actions',
  'templateTargets.floor': 'Floor',
  'templateTargets.ceiling': 'Ceiling',
  'templateTargets.floorCell': '{target} in {year} (floor)',
  'templateTargets.ceilingCell': '{target} in {year} (ceiling)',
  'templateTargets.of': 'What target {target} is on',
  'templateTargets.missing': 'Not in the template: {id}',
  'templateTargets.addCeiling': 'Add a ceiling to {target}',
  'templateTargets.addCeilingShort': '+ Ceiling',
  'templateTargets.name': 'Name of the target {target}',
  'templateTargets.removeTarget': 'Remove target {target}',
  'templateTargets.empty': 'This set has no targets yet.',
  'templateTargets.addTo': 'Add a target to {name}',
  'templateTargets.newOf': 'New target on',
  'templateTargets.newName': 'New target name',
  'templateTargets.addTarget': 'Add target',
  'templateTargets.defaultLabel': 'Target: {name}',
};

/** The texts of the target sets editor of the template editor per language, same keys; only the editor imports them. */
export const templateTargetsDictionaries = { vi, en };

/** Looks up a text of the target sets editor of the template editor and fills its {placeholders}. */
export const translateTemplateTargets = textPart(templateTargetsDictionaries);
