import { describe, expect, it } from 'vitest';
import { isLoopback, mutationRefusal } from '../../src/server/safety.js';

describe('who may run mutations (MUTATIONS)', () => {
  it.each(['127.0.0.1', '127.5.0.9', '::1', '::ffff:127.0.0.1'])('%s is loopback', (a) => expect(isLoopback(a)).toBe(true));
  it.each(['192.0.2.2', '10.0.0.1', '::ffff:10.0.0.1', 'fd00::2', '', '1127.0.0.1'])('%s is not loopback', (a) => expect(isLoopback(a)).toBe(false));

  it('off refuses everyone, on allows everyone, loopback allows only loopback clients without an Origin', () => {
    const local = { address: '127.0.0.1', origin: null, apiKey: null };
    const page = { address: '127.0.0.1', origin: 'http://localhost:3000', apiKey: null };
    const remote = { address: '192.0.2.7', origin: null, apiKey: null };
    expect(mutationRefusal('off', local)).toMatch(/MUTATIONS=off/);
    for (const c of [local, page, remote]) expect(mutationRefusal('on', c)).toBeNull();
    expect(mutationRefusal('loopback', local)).toBeNull();
    expect(mutationRefusal('loopback', { address: '::1', origin: null, apiKey: null })).toBeNull();
    expect(mutationRefusal('loopback', page)).toMatch(/Origin header/);
    expect(mutationRefusal('loopback', remote)).toMatch(/only from the loopback interface/);
  });
});
