/**
 * Citations of an export (src/api/export/citations.ts): the names of the reference lists' two styles read
 * into CSL names, and the BibTeX written by citation-js read back by @retorquere/bibtex-parser, an
 * independent parser.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { authorsOf, bibtexOf, datasetItem, publicationItem } from '../../src/api/export/citations.js';
import type { PublicationFields } from '../../src/api/export/rows.js';

const banerjee: PublicationFields = {
  key: 'banerjee2020',
  doi: '10.1021/acs.chemrev.0c00101',
  authors: 'Banerjee, A.; Wang, X.; Fang, C.; Wu, E. A.; Meng, Y. S.',
  firstAuthor: 'Banerjee',
  title: 'Interfaces and Interphases in All-Solid-State Batteries with Inorganic Solid Electrolytes',
  journal: 'Chem. Rev.',
  volume: '120',
  firstPage: '6878',
  year: 2020,
  url: null,
  isReview: true,
  reviewKey: 'banerjee2020',
};

describe('authors', () => {
  it('reads "Family, G.; Family, G." and "Family, G., Family, G. & Family, G." alike', () => {
    expect(authorsOf('Gao, Z.; Sun, H.; Fu, L.', null)).toEqual([{ family: 'Gao', given: 'Z.' }, { family: 'Sun', given: 'H.' }, { family: 'Fu', given: 'L.' }]);
    expect(authorsOf('Yi, E., Wang, W., Kieffer, J. & Laine, R. M.', null)).toEqual([
      { family: 'Yi', given: 'E.' },
      { family: 'Wang', given: 'W.' },
      { family: 'Kieffer', given: 'J.' },
      { family: 'Laine', given: 'R. M.' },
    ]);
    expect(authorsOf('Pasta, M. et al.', null)).toEqual([{ family: 'Pasta', given: 'M.' }]);
    expect(authorsOf('Zhu, Y., He, X. & Mo, Y.', null)).toHaveLength(3);
    expect(authorsOf(null, 'Gao')).toEqual([{ family: 'Gao' }]);
    expect(authorsOf(null, null)).toBeUndefined();
  });
});

describe('BibTeX', () => {
  it('round-trips a publication and a dataset through an independent parser', () => {
    const text = bibtexOf([
      publicationItem({ ...banerjee, key: 'doi:10.1021/acs.chemrev.0c00101' }),
      publicationItem({ ...banerjee, key: 'banerjee2020:ref12', doi: '10.1002/adma.201705702', authors: 'Yi, E., Wang, W., Kieffer, J. & Laine, R. M.', title: null, isReview: false, reviewKey: null }),
      datasetItem({ id: 'obelix', name: 'OBELiX', citation: 'Therrien et al., arXiv:2502.14234 (2025)', doi: null, license: 'CC BY 4.0', licenseUrl: 'https://creativecommons.org/licenses/by/4.0/', url: 'https://github.com/NRC-Mila/OBELiX', version: '1' }),
    ]);
    const bib = parseBibtex(text);
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.key)).toEqual(['banerjee2020', 'banerjee2020_ref12', 'dataset_obelix']);
    const [review, ref, dataset] = bib.entries;
    expect(review!.type).toBe('article');
    expect(review!.fields.doi).toBe(banerjee.doi);
    expect(review!.fields.year).toBe('2020');
    expect(review!.fields.volume).toBe('120');
    expect((review!.fields.author as { lastName: string }[]).map((a) => a.lastName)).toEqual(['Banerjee', 'Wang', 'Fang', 'Wu', 'Meng']);
    expect((ref!.fields.author as { lastName: string }[]).map((a) => a.lastName)).toEqual(['Yi', 'Wang', 'Kieffer', 'Laine']);
    expect(dataset!.fields.note).toBe('Cite as: Therrien et al., arXiv:2502.14234 (2025). Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).');
    expect(dataset!.fields.url).toBe('https://github.com/NRC-Mila/OBELiX');
  });
});
