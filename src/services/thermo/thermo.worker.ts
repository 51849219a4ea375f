/**
 * Entry point of a thermodynamics worker thread (run by piscina, see thermo.pool.ts): loads HiGHS once
 * per thread and runs the tasks of thermo.jobs.ts, one at a time.
 */
import { loadLinearSolver } from '../../domain/thermo/linearProgram.js';
import { runThermoTask, type ThermoTask, type ThermoTaskResult } from './thermo.jobs.js';

const solver = loadLinearSolver();

export default async function thermoWorker(task: ThermoTask): Promise<ThermoTaskResult> {
  return runThermoTask(await solver, task);
}
