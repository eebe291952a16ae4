import { describe, expect, it } from 'vitest';
import { nl } from '../i18n/nl.js';
import { answerFor } from './field-map.js';
import { answerLabel } from './Wizard.js';

describe('a field error names the wizard answer, never the path', () => {
  it.each([
    ['safeguards.retentionHours', 'retention'],
    ['scenario.safeguards.retentionHours', 'retention'],
    ['alternatives.2.reasons', 'alternatives'],
    ['alternatives[2].reasons', 'alternatives'],
    ['scope.rooms.0.id', 'rooms'],
    ['evidence.imminentDanger.date', 'dangerDate'],
    ['nothing.known', undefined],
  ])('%s → %s', (path, answer) => {
    expect(answerFor(path)).toBe(answer);
  });

  it('gives the label the user sees on the field', () => {
    expect(answerLabel(nl, 'safeguards.retentionHours')).toBe(nl.wizard.retention);
    expect(answerLabel(nl, 'safeguards.reviewDate')).toBe(nl.assessmentUi.reviewDate);
    expect(answerLabel(nl, 'title')).toBe(nl.wizard.titleLabel);
    expect(answerLabel(nl, 'something.else')).toBeUndefined();
  });
});
