/** The shape of an API key, `ipk_<16 hex>_<43 base64url>`, read without the database. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseApiKey } from '../../src/services/curation/apiKeys.service.js';

const id = 'a1b2c3d4e5f60718';
const secret = randomBytes(32).toString('base64url');

describe('parseApiKey', () => {
  it('reads the id and the secret of a key as create makes it (32 random bytes in base64url, 43 characters)', () => {
    expect(secret).toHaveLength(43);
    expect(parseApiKey(`ipk_${id}_${secret}`)).toEqual({ id, secret });
    // base64url secrets may hold '_' and '-': the id has a fixed length, so the key is still read right
    expect(parseApiKey(`ipk_${id}_${'_-'.repeat(21)}A`)).toEqual({ id, secret: `${'_-'.repeat(21)}A` });
  });

  it.each([
    ['no prefix', `${id}_${secret}`],
    ['another prefix', `ipx_${id}_${secret}`],
    ['an upper-case id', `ipk_${id.toUpperCase()}_${secret}`],
    ['a short id', `ipk_${id.slice(1)}_${secret}`],
    ['a short secret', `ipk_${id}_${secret.slice(1)}`],
    ['a long secret', `ipk_${id}_${secret}A`],
    ['standard base64 characters', `ipk_${id}_${secret.slice(2)}+/`],
    ['surrounding space', ` ipk_${id}_${secret}`],
    ['nothing', ''],
  ])('refuses %s', (_label, key) => {
    expect(parseApiKey(key)).toBeNull();
  });
});
