import { mostRestrictive } from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';

describe('mostRestrictive', () => {
  it('is eligible with nothing against it', () => {
    expect(mostRestrictive([])).toBe('eligible');
  });

  it('picks the most restrictive decision whatever the order', () => {
    expect(mostRestrictive(['eligible', 'ineligible', 'needs-review'])).toBe('ineligible');
    expect(mostRestrictive(['defer', 'needs-review'])).toBe('defer');
  });
});
