import { describe, expect, it } from 'vitest';
import { progressText, slideAnnouncement, stepAnnouncement } from '../../src/deck/describe.ts';

const lesson = [0, 2, 4, 2, 3, 3, 2, 1];
const titles = ['Rectifiers and Dropout', 'Rectifiers', 'Variants of ReLU', 'a', 'Dropout: zeroing units at random'];

describe('describe', () => {
  it('says where we are', () => {
    expect(progressText(lesson, { slide: 4, step: 2 })).toBe('Slide 5 of 8, step 2 of 3');
    expect(progressText(lesson, { slide: 0, step: 0 })).toBe('Slide 1 of 8');
    expect(slideAnnouncement(lesson, { slide: 4, step: 1 }, titles)).toBe('Slide 5 of 8: Dropout: zeroing units at random');
    expect(stepAnnouncement(lesson, { slide: 4, step: 2 }, '  Dropped   units\n are random ')).toBe('Step 2 of 3: Dropped units are random');
    expect(stepAnnouncement(lesson, { slide: 4, step: 2 }, 'x'.repeat(500)).length).toBeLessThanOrEqual(180);
    expect(progressText([], { slide: 0, step: 0 })).toBe('No slides');
  });
});
