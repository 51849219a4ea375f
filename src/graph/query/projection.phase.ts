/**
 * How a phase entry is read: its stored properties from its declaration (domain/model/phaseEntry.kind.ts),
 * the derived `createdAt` here. Shared by the compiled list `phaseEntries` and the DataLoader reads of
 * graph/phaseData.store.ts.
 */
import { PHASE_ENTRY } from '../../domain/model/phaseEntry.kind.js';
import { projectionOf, type Expr } from '../nodeKinds.js';

export const PHASE_ENTRY_PROJECTION: Record<string, Expr> = projectionOf(PHASE_ENTRY, { createdAt: (v) => `toString(${v}.createdAt)` });
