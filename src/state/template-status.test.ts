import { describe, expect, it } from 'vitest';
import { translateTemplate } from '../i18n/template';
import type { TemplateIssueKey } from '../templates';
import { issueStatus } from './template-status';

describe('issueStatus', () => {
  it('gives every issue a message in both languages, an error as an error', () => {
    const keys: TemplateIssueKey[] = [
      'noSectors',
      'focusNotSector',
      'baseMissing',
      'structureSum',
      'sharesSum',
      'targetOnNothing',
      'growthMissing',
      'unsourced',
    ];
    for (const key of keys) {
      const status = issueStatus({ key, field: 'rows', severity: 'warning' });
      expect(translateTemplate('vi', status.key)).not.toBe(translateTemplate('en', status.key));
      expect(status.tone).toBeUndefined();
    }
    const error = issueStatus({
      key: 'structureSum',
      field: 'rows',
      severity: 'error',
      args: { sum: 1, grdp: 2, year: 2025 },
    });
    expect(error).toEqual({ key: 'template.issue.structureSum', args: { sum: 1, grdp: 2, year: 2025 }, tone: 'error' });
    expect(translateTemplate('en', error.key, error.args)).toBe(
      'The sectors add up to 1, not the 2025 GRDP at current prices of 2.',
    );
  });
});
