/**
 * The dashboard's URL state (dashboard/src/state.ts) and error wording (dashboard/src/api.ts): a view and its
 * filters survive the round trip through the URL; unknown views fall back to the conductivity map; the API's
 * coded errors are put in words with the argument they name.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, exportUrl, inWords } from '../../dashboard/src/api.js';
import { readState, stateUrl, type ViewState } from '../../dashboard/src/state.js';

const at = (search: string) => new URL(`http://localhost/dashboard/${search}`);

describe('the view in the URL', () => {
  it('round-trips a view and its filters (sorted, empty ones dropped, °C and Unicode kept)', () => {
    const state: ViewState = { view: 'conductivity', params: { x: 'temperature', family: 'GARNET', temperatureMin: '20', chemicalClass: '', q: 'Li₆PS₅Cl β' } };
    const url = stateUrl(state);
    expect(url).toBe('?view=conductivity&family=GARNET&q=Li%E2%82%86PS%E2%82%85Cl+%CE%B2&temperatureMin=20&x=temperature');
    expect(readState(at(url))).toEqual({ view: 'conductivity', params: { family: 'GARNET', q: 'Li₆PS₅Cl β', temperatureMin: '20', x: 'temperature' } });
  });

  it('falls back to the conductivity map for a missing or unknown view', () => {
    expect(readState(at('')).view).toBe('conductivity');
    expect(readState(at('?view=nonsense&family=LGPS'))).toEqual({ view: 'conductivity', params: { family: 'LGPS' } });
    expect(readState(at('?view=interfaces&electrolyte=Ge1Li10P2S12&counterpart=Li1')).params).toEqual({ electrolyte: 'Ge1Li10P2S12', counterpart: 'Li1' });
  });
});

describe('errors in words and export links', () => {
  it('names the argument of a BAD_USER_INPUT and keeps the API message', () => {
    const text = inWords(new ApiError('BAD_USER_INPUT', "where.family: 'X' is not a family", 'where.family'));
    expect(text).toBe("One of the filters is not accepted (where.family). where.family: 'X' is not a family");
    expect(inWords(new ApiError('THERMO_BUSY', 'queue full'))).toMatch(/^The thermodynamics is busy/);
    expect(inWords(new ApiError('SOMETHING_NEW', 'x'))).toBe('The API answered SOMETHING_NEW. x');
    expect(inWords(new Error('boom'))).toBe('Something went wrong in the page: boom');
  });

  it('builds /export URLs with the list\'s where as JSON', () => {
    const href = exportUrl('measurements', 'csv', { property: 'IONIC_CONDUCTIVITY', temperature: { min: 20, unit: '°C' } });
    const url = new URL(href, 'http://localhost');
    expect(url.pathname).toBe('/export/measurements.csv');
    expect(JSON.parse(url.searchParams.get('where')!)).toEqual({ property: 'IONIC_CONDUCTIVITY', temperature: { min: 20, unit: '°C' } });
  });
});
