/**
 * Operating potentials drawn across the stability windows, V vs Li/Li+ (conventions, not data of the graph):
 * - Li metal: 0 V by definition (the reference electrode);
 * - LiFePO4 3.45 V, LiMn2O4 4.1 V and LiNi0.5Mn1.5O4 4.7 V: their plateaus (Goodenough & Kim,
 *   Chem. Mater. 22, 587 (2010), doi:10.1021/cm901452z);
 * - LiCoO2 and layered NCM/NCA charged to 4.2 V, the usual end of charge, LixCoO2 at x ≈ 0.5 (Reimers & Dahn,
 *   J. Electrochem. Soc. 139, 2091 (1992), doi:10.1149/1.2221184), the API's default for layered oxides.
 */
export interface OperatingPotential {
  label: string;
  volts: number;
  doi: string | null;
}

export const OPERATING_POTENTIALS: OperatingPotential[] = [
  { label: 'Li metal 0 V', volts: 0, doi: null },
  { label: 'LiFePO4 3.45 V', volts: 3.45, doi: '10.1021/cm901452z' },
  { label: 'LiMn2O4 4.1 V', volts: 4.1, doi: '10.1021/cm901452z' },
  { label: 'LiCoO2 / NCM charged 4.2 V', volts: 4.2, doi: '10.1149/1.2221184' },
  { label: 'LiNi0.5Mn1.5O4 4.7 V', volts: 4.7, doi: '10.1021/cm901452z' },
];
