// What an entity contributes to the generic create/read/update/delete/void machinery.
import type { Company, EntityName } from '../company/company.js';
import type { QboFault } from '../faults.js';
import type { JsonObject } from '../json.js';
import type { WriteContext } from './common.js';

export interface EntityDef {
  readonly name: EntityName;
  /** Transactions share one id sequence and can be deleted or voided; name lists are only deactivated. */
  readonly transaction: boolean;
  readonly readOnly?: boolean;
  /** Name lists: queries leave inactive objects out unless they filter on Active. */
  readonly hidesInactive?: boolean;
  readonly canVoid?: boolean;
  /** A feature the company's plan may lack (Intuit: 5020). */
  feature?(company: Company): QboFault | undefined;
  /** Validates a create (no previous) or update and returns the new state without system fields. */
  build(ctx: WriteContext, input: JsonObject, previous?: JsonObject): JsonObject;
  /** Side effects once the new state is stored (it never fails: build validated everything). */
  afterSave?(ctx: WriteContext, saved: JsonObject, previous?: JsonObject): void;
  beforeDelete?(ctx: WriteContext, existing: JsonObject): void;
  afterDelete?(ctx: WriteContext, existing: JsonObject): void;
  /** The state of a voided transaction. */
  voided?(ctx: WriteContext, existing: JsonObject): JsonObject;
}
