/**
 * A small, made-up table in the format of the Liverpool Ionics Dataset's LiIonDatabase.csv (the real file
 * stays outside the repository, and CI has no copy): BOM, CRLF line ends, the same columns. Every value is
 * invented for the tests (DOIs under the unassigned prefix 10.99999). It holds 3 compositions at 4
 * temperatures each, one of whose rows prints a target rounded from log_target (a warning), a mixture in
 * quotes that is not a formula, a row whose log_target contradicts its target, a row whose source is not a
 * DOI, and a row repeating another's measurement.
 */

export const SYNTHETIC_DOI = {
  garnet: '10.99999/interphase-test.garnet',
  argyrodite: '10.99999/interphase-test.argyrodite',
  made: '10.99999/interphase-test.made-up',
} as const;

/** A composition no other source describes (checked by the tests). */
export const NEW_COMPOSITION = { formula: 'Li3.3Ho0.3Yb0.7Cl6.3', key: 'Cl63Ho3Li33Yb7' } as const;

/** [ID, composition, source, °C, target, family] of the rows that give the 12 measurements. */
export const SYNTHETIC_GOOD: readonly (readonly [string, string, string, number, string, string])[] = [
  ['9001', 'Li7La3Zr2O12', SYNTHETIC_DOI.garnet, 25, '2.10E-04', 'Garnet'],
  ['9002', 'Li7La3Zr2O12', SYNTHETIC_DOI.garnet, 50, '6.30E-04', 'Garnet'],
  ['9003', 'Li7La3Zr2O12', SYNTHETIC_DOI.garnet, 75, '1.55E-03', 'Garnet'],
  ['9004', 'Li7La3Zr2O12', SYNTHETIC_DOI.garnet, 100, '1.07E-04', 'Garnet'], // log_target rounded: warning
  ['9005', 'Li6PS5Cl', SYNTHETIC_DOI.argyrodite, -20, '4.00E-05', 'Argyrodite'],
  ['9006', 'Li6PS5Cl', SYNTHETIC_DOI.argyrodite, 0, '1.20E-04', 'Argyrodite'],
  ['9007', 'Li6PS5Cl', SYNTHETIC_DOI.argyrodite, 24.85, '9.90E-04', 'Argyrodite'],
  ['9008', 'Li6PS5Cl', SYNTHETIC_DOI.argyrodite, 80, '5.00E-03', 'Argyrodite'],
  ['9009', NEW_COMPOSITION.formula, SYNTHETIC_DOI.made, 30, '3.00E-07', 'Glass'],
  ['9010', NEW_COMPOSITION.formula, SYNTHETIC_DOI.made, 100.5, '1.00E-06', 'Glass'],
  ['9011', NEW_COMPOSITION.formula, SYNTHETIC_DOI.made, 200, '8.00E-06', 'Glass'],
  ['9012', NEW_COMPOSITION.formula, SYNTHETIC_DOI.made, 300, '4.40E-05', 'Glass'],
];

/** Lines (1-based, header = 1) of the rows the import must skip or merge, and of the rounded row. */
export const SYNTHETIC_LINES = { rounded: 5, mixture: 14, badLog: 15, notDoi: 16, duplicate: 17, duplicateOf: 8 } as const;

const log = (target: string) => Math.log10(Number(target)).toFixed(9);

/** The table's text. */
export function syntheticLiverpoolCsv(): string {
  const rows = SYNTHETIC_GOOD.map(([id, composition, doi, celsius, target, family]) => {
    // 10^-3.9703 = 1.07078e-4, printed 1.07E-04: off by 3.2e-4 in log10, within the printed rounding
    const logTarget = id === '9004' ? '-3.970300000' : log(target);
    return `${id},${composition},${doi},${celsius},${target},${logTarget},${family},#N/A`;
  });
  return (
    '\uFEFF' +
    [
      'ID,composition,source,temperature,target,log_target,family,ChemicalFamily',
      ...rows,
      `9013,"""(Li2O)50 (B2O3)50""",${SYNTHETIC_DOI.made},25,2.00E-08,${log('2.00E-08')},Glass,Oxides`,
      `9014,Li6PS5Cl,${SYNTHETIC_DOI.argyrodite},40,2.00E-05,-3.500000000,Argyrodite,Sulphides`,
      `9015,Li7La3Zr2O12,"Some Journal 12 34-56. 1970",25,3.00E-04,${log('3.00E-04')},Garnet,Oxides`,
      // the measurement of line 8 (ID 9007) again, under another ID and another notation of the same composition
      `9016,Li6P1S5Cl1,${SYNTHETIC_DOI.argyrodite.toUpperCase()},24.85,9.90E-04,${log('9.90E-04')},Argyrodite,Sulphides`,
    ].join('\r\n') +
    '\r\n'
  );
}
