/**
 * DOIs: normalisation and validation. DOIs are case-insensitive (DOI Handbook §2.4,
 * doi:10.1000/182), so the graph keys publications by the lower-cased DOI without resolver prefix.
 */
import { InvalidValueError } from './errors.js';

const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

/**
 * "https://doi.org/10.1021/ACS.CHEMREV.0C00101" → "10.1021/acs.chemrev.0c00101".
 * Accepts the bare DOI, `doi:` and `https://doi.org/` / `http://dx.doi.org/` forms.
 * @throws InvalidValueError when the text is not a DOI (must look like 10.NNNN/suffix).
 */
export function normalizeDoi(text: string): string {
  const doi = text
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
  if (!DOI_PATTERN.test(doi)) throw new InvalidValueError(text, "is not a DOI (expected '10.<registrant>/<suffix>')");
  return doi;
}

/**
 * The resolver URL of a normalised DOI, with the characters a URL cannot carry percent-encoded
 * (e.g. '<' and '>' of SICI-style DOIs such as 10.1002/1521-3765(20020118)8:2<349::aid-chem349>3.0.co;2-5).
 */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}
