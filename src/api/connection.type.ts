import { NonNegativeIntResolver } from 'graphql-scalars';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Cell, Claim, CoatingApplication, Interface, InterphaseObservation, ReportedStabilityWindow } from './literature.type.js';
import { PhaseEntry } from './thermo.type.js';
import { Material } from './material.type.js';
import { Measurement } from './measurement.type.js';
import { Publication } from './publication.type.js';

@ObjectType({ simpleResolvers: true, description: 'Relay page information (https://relay.dev/graphql/connections.htm).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was requested with `after`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page; null for an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

/** A Relay connection type `<name>Connection` with edges `<name>Edge` of `node`. */
function connectionOf<T extends object>(name: string, node: ClassType<T>, items: string, item: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One of the ${items} of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item; pass as `after` to continue after it.' })
    cursor!: string;

    @Field(() => node, { description: `The ${item}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${items}, ordered by id.` })
  class Connection {
    @Field(() => NonNegativeIntResolver, { description: `${items[0]!.toUpperCase()}${items.slice(1)} matching the filter, over all pages.` })
    totalCount!: number;

    @Field(() => PageInfo, { description: 'Where this page is in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => [Edge], { description: `The ${items} of this page, ordered by id.` })
    edges!: Edge[];
  }
  return Connection;
}

export const MaterialConnection = connectionOf('Material', Material, 'materials', 'material');
export const PublicationConnection = connectionOf('Publication', Publication, 'publications', 'publication');
export const MeasurementConnection = connectionOf('Measurement', Measurement, 'measurements', 'measurement');
export const ReportedStabilityWindowConnection = connectionOf('ReportedStabilityWindow', ReportedStabilityWindow, 'reported stability windows', 'reported stability window');
export const InterfaceConnection = connectionOf('Interface', Interface, 'interfaces', 'interface');
export const InterphaseObservationConnection = connectionOf('InterphaseObservation', InterphaseObservation, 'interphase observations', 'interphase observation');
export const CoatingApplicationConnection = connectionOf('CoatingApplication', CoatingApplication, 'coating applications', 'coating application');
export const CellConnection = connectionOf('Cell', Cell, 'cells', 'cell');
export const ClaimConnection = connectionOf('Claim', Claim, 'claims', 'claim');
export const PhaseEntryConnection = connectionOf('PhaseEntry', PhaseEntry, 'phase entries', 'phase entry');

/** The paging arguments of every connection. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0–100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: "Cursor after which the page starts: a previous page's `pageInfo.endCursor`." })
  after!: string | null;
}
