/**
 * The node kinds and relationships of interfaces and interphase observations in query plans (registered
 * in the unions of plan.ts):
 *   (Interface)-[:ELECTROLYTE]->(Material)   (Interface)-[:COUNTERPART]->(Material)
 *   (InterphaseObservation)-[:AT]->(Interface)   -[:PRODUCES {position}]->(Material)   -[:EVIDENCE]->(Technique)
 */

/** `InterphaseProduct`: a product read through its PRODUCES relationship (its variant id is the relationship's). */
export type InterfaceNodeKind = 'Interface' | 'InterphaseObservation' | 'Technique' | 'InterphaseProduct';

export type InterfaceRelation =
  /** Material → the interfaces where it is the electrolyte or the counterpart. */
  | 'interfaces'
  /** Material → the interfaces where it is the electrolyte. */
  | 'interfacesAsElectrolyte'
  /** Material → the interphase observations in which it formed as a product. */
  | 'formedInInterphases'
  /** Interface → its electrolyte material. */
  | 'electrolyte'
  /** Interface → its counterpart material. */
  | 'counterpart'
  /** Interface → the interphase observations reported at it. */
  | 'observations'
  /** InterphaseObservation → the interface it was observed at. */
  | 'interface'
  /** InterphaseObservation → its products (in the source's order). */
  | 'products'
  /** InterphaseObservation → its products with their variants (`productDetails`, in the source's order). */
  | 'productDetails'
  /** InterphaseObservation → the techniques that gave the evidence. */
  | 'techniques';
