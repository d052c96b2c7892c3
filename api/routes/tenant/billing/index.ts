// Monthly billing: configuration and schedules, offer and organization mappings, subscriptions, runs.
import type { FastifyInstance } from 'fastify';
import billingConfigRoutes from './config.js';
import billingMappingRoutes from './mappings.js';
import billingRunRoutes from './runs.js';
import billingSubscriptionRoutes from './subscriptions.js';

export default async function billingRoutes(app: FastifyInstance) {
  for (const routes of [billingConfigRoutes, billingMappingRoutes, billingSubscriptionRoutes, billingRunRoutes]) await app.register(routes);
}
