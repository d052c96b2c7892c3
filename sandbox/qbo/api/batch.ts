// POST /batch: up to 30 items, each a create/update/delete of one entity or a query, run in order.
// A failing item answers with its own Fault; the others still run. One batch is one API call.
import type { WriteContext } from '../entities/common.js';
import { entityByName } from '../entities/index.js';
import { fault, QboFault } from '../faults.js';
import { isObject, type JsonObject } from '../json.js';
import { executeQuery } from '../query/execute.js';
import { createEntity, deleteEntity, updateEntity } from './operations.js';
import type { ApiCall } from './pipeline.js';

const ITEM_KEYS = ['bId', 'operation', 'optionsData'];

function runItem(ctx: WriteContext, item: JsonObject): { response: JsonObject; wrote: boolean } {
  const bId = typeof item.bId === 'string' ? item.bId : item.bId === undefined ? undefined : String(item.bId);
  const out: JsonObject = bId === undefined ? {} : { bId };
  try {
    if (bId === undefined) throw fault.required('bId');
    if (item.Query !== undefined) {
      if (typeof item.Query !== 'string') throw fault.invalidProperty('Query', 'Query');
      return { response: { ...out, QueryResponse: executeQuery(ctx.company, item.Query) }, wrote: false };
    }
    const keys = Object.keys(item).filter((key) => !ITEM_KEYS.includes(key));
    const key = keys[0];
    const def = key === undefined ? undefined : entityByName(key);
    if (keys.length !== 1 || !def || key === undefined) throw fault.invalidProperty('BatchItemRequest', `BatchItemRequest entity ${keys.join(',') || '(none)'}`);
    const operation = typeof item.operation === 'string' ? item.operation : undefined;
    if (operation === 'create') return { response: { ...out, [def.name]: createEntity(ctx, def, item[key]) }, wrote: true };
    if (operation === 'update') return { response: { ...out, [def.name]: updateEntity(ctx, def, item[key]) }, wrote: true };
    if (operation === 'delete') return { response: { ...out, [def.name]: deleteEntity(ctx, def, item[key]) }, wrote: true };
    throw operation === undefined ? fault.required('operation') : fault.unsupported(`${operation} in a batch`);
  } catch (error) {
    if (!(error instanceof QboFault)) throw error;
    return { response: { ...out, Fault: error.fault() }, wrote: false };
  }
}

export function batchCall(realmId: string, body: unknown, maxItems: number): ApiCall {
  const items = isObject(body) && Array.isArray(body.BatchItemRequest) ? body.BatchItemRequest : undefined;
  const call: ApiCall = {
    realmId,
    method: 'POST',
    entity: 'batch',
    operation: 'batch',
    endpoint: 'POST batch',
    writes: 0,
    execute(ctx) {
      if (!items) throw fault.required('BatchItemRequest');
      if (items.length > maxItems) throw fault.batchTooLarge(items.length, maxItems);
      const responses: JsonObject[] = [];
      for (const item of items) {
        if (!isObject(item)) throw fault.invalidProperty('BatchItemRequest', 'BatchItemRequest');
        const { response, wrote } = runItem(ctx, item);
        if (wrote) call.writes += 1;
        responses.push(response);
      }
      return { BatchItemResponse: responses };
    },
  };
  return call;
}
