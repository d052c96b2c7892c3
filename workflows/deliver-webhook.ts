// Webhook delivery: one workflow per (event, endpoint), retrying with backoff until delivered or given up.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { databaseStep, webhookDelivery } from './presets.js';

const delivery = proxyActivities<Activities>(webhookDelivery);
const db = proxyActivities<Activities>(databaseStep);

/** Delivers one event to one endpoint, signed; after the last retry it is marked failed for people to see. */
export async function deliverWebhook(deliveryId: string): Promise<'delivered' | 'failed'> {
  try {
    await delivery.attemptDelivery(deliveryId);
    return 'delivered';
  } catch {
    await db.markDeliveryFailed(deliveryId, 'gave up after the last retry');
    return 'failed';
  }
}
