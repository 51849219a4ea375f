import { describe, expect, it } from 'vitest';
import { isInstalled } from '../../src/server/logger.js';

describe('logger', () => {
  it('knows whether an optional package is installed (pino-pretty is a development dependency)', () => {
    expect(isInstalled('pino')).toBe(true);
    expect(isInstalled('pino-pretty')).toBe(true); // here, with the development dependencies
    expect(isInstalled('interphase-no-such-package')).toBe(false);
  });
});
