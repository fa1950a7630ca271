import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'templateSources.caption': 'Nguồn số liệu',
  'templateSources.intro':
    'Ghi nguồn cho cả dòng; năm nào có nguồn riêng thì mở “Từng năm” để ghi. Số liệu tự ước tính thì đánh dấu “Giả định” và ghi lý do.',
  'templateSources.unsourced': '{count} số liệu chưa có nguồn',
  'templateSources.allSourced': 'Mọi số liệu đều đã có nguồn.',
  'templateSources.onlyUnsourced': 'Chỉ hiện số liệu chưa có nguồn',
  'templateSources.noneLeft': 'Không còn số liệu nào chưa có nguồn.',
  'templateSources.empty': 'Mẫu chưa có số liệu nào.',
  'templateSources.colRow': 'Dòng / năm',
  'templateSources.colFigure': 'Số liệu',
  'templateSources.colSource': 'Nguồn số liệu',
  'templateSources.colAssumption': 'Giả định',
  'templateSources.colState': 'Tình trạng',
  'templateSources.figures': '{count} số liệu',
  'templateSources.rowUnsourced': '{count} chưa có nguồn',
  'templateSources.byYear': 'Từng năm',
  'templateSources.byYearOf': 'Nguồn từng năm của {name}',
  'templateSources.rowPlaceholder': 'Nguồn cho cả dòng',
  'templateSources.figurePlaceholder': 'Nguồn riêng của năm này',
  'templateSources.sourceOfRow': 'Nguồn của {name} (cả dòng)',
  'templateSources.assumptionOfRow': '{name} (cả dòng) là giả định',
  'templateSources.sourceOfFigure': 'Nguồn của {name} năm {year}',
  'templateSources.assumptionOfFigure': '{name} năm {year} là giả định',
  'templateSources.noText': 'Ghi nguồn hoặc lý do trước khi đánh dấu giả định.',
  'templateSources.own': 'nguồn riêng',
  'templateSources.inherited': 'theo cả dòng',
  'templateSources.missing': 'chưa có nguồn',
  'templateSources.recorded': 'thực hiện',
};

/** Every text key of the sources editor of the template editor. */
export type TemplateSourcesKey = keyof typeof vi;

const en: Record<TemplateSourcesKey, string> = {
  'templateSources.caption': 'Sources',
  'templateSources.intro':
    'Give a source for the whole row; open “By year” for a year with its own source. Mark figures you estimated yourself as “Assumption” and say why.',
  'templateSources.unsourced': '{count} figures without a source',
  'templateSources.allSourced': 'Every figure has a source.',
  'templateSources.onlyUnsourced': 'Show only figures without a source',
  'templateSources.noneLeft': 'No figure is left without a source.',
  'templateSources.empty': 'The template has no figures yet.',
  'templateSources.colRow': 'Row / year',
  'templateSources.colFigure': 'Figure',
  'templateSources.colSource': 'Source',
  'templateSources.colAssumption': 'Assumption',
  'templateSources.colState': 'Status',
  'templateSources.figures': '{count} figures',
  'templateSources.rowUnsourced': '{count} without a source',
  'templateSources.byYear': 'By year',
  'templateSources.byYearOf': 'Sources by year of {name}',
  'templateSources.rowPlaceholder': 'Source for the whole row',
  'templateSources.figurePlaceholder': 'This year’s own source',
  'templateSources.sourceOfRow': 'Source of {name} (whole row)',
  'templateSources.assumptionOfRow': '{name} (whole row) is an assumption',
  'templateSources.sourceOfFigure': 'Source of {name} in {year}',
  'templateSources.assumptionOfFigure': '{name} in {year} is an assumption',
  'templateSources.noText': 'Give a source or a reason before marking an assumption.',
  'templateSources.own': 'own source',
  'templateSources.inherited': 'from the whole row',
  'templateSources.missing': 'no source',
  'templateSources.recorded': 'recorded',
};

/** The texts of the sources editor of the template editor per language, same keys; only the editor imports them. */
export const templateSourcesDictionaries = { vi, en };

/** Looks up a text of the sources editor of the template editor and fills its {placeholders}. */
export const translateTemplateSources = textPart(templateSourcesDictionaries);
