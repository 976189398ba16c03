import { describe, expect, it } from 'vitest';
import { jobIdFor } from './job-id.js';

describe('job ids', () => {
  it('are UUIDs that depend only on the key', () => {
    const id = jobIdFor('check-in:C-1:30');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(jobIdFor('check-in:C-1:30')).toBe(id);
    expect(jobIdFor('check-in:C-1:90')).not.toBe(id);
  });
});
