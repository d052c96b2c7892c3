// Subscriptions: each change (quantity and unit cost from a date) is kept in the subscription's history, once.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { SubscriptionWithHistory } from '../../../../db/repositories/billing/setup.js';
import { conflict, notFound } from '../../../errors.js';
import { subscriptionExamples, withExamples } from '../../../examples.js';
import { problems } from '../../../schemas.js';
import { SubscriptionBody, SubscriptionParams, SubscriptionView } from './schemas.js';
import { connectionOf } from '../connection.js';

const view = (s: SubscriptionWithHistory, recorded?: boolean) => ({
  subscriptionId: s.subscriptionId,
  organizationId: s.organizationId,
  offerId: s.offerId,
  term: s.term,
  ...(recorded === undefined ? {} : { recorded }),
  history: s.changes.map((c) => ({ effectiveDate: c.effectiveDate, quantity: c.quantity, unitCost: c.unitCost, receivedAt: c.receivedAt.toISOString() })),
});

export default async function billingSubscriptionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { repos } = app.deps;

  app.put('/v1/connections/:id/subscriptions/:subscriptionId', {
    schema: {
      operationId: 'recordSubscriptionChange',
      tags: ['billing'],
      summary: 'Record a subscription change: its quantity (and unit cost) from a date on',
      description: 'The change joins the subscription\'s history; the same change sent again is recorded once (recorded: false). A subscription keeps its organization, offer and term.',
      params: SubscriptionParams, body: withExamples(SubscriptionBody, subscriptionExamples), response: { 200: SubscriptionView, ...problems(400, 401, 404, 409) },
    },
  }, async (request) => {
    const connection = connectionOf(request);
    const outcome = await repos.billing.recordChange(connection.id, request.params.subscriptionId, request.body);
    if (outcome.kind === 'conflict') {
      throw conflict(`Subscription ${request.params.subscriptionId} belongs to ${outcome.field} "${outcome.current}"; a subscription keeps its organization, offer and term (send a new subscription id for another one)`);
    }
    return view(outcome.subscription, outcome.kind === 'recorded');
  });

  app.get('/v1/connections/:id/subscriptions/:subscriptionId', {
    schema: { operationId: 'getSubscription', tags: ['billing'], summary: 'A subscription and its history', params: SubscriptionParams, response: { 200: SubscriptionView, ...problems(401, 404) } },
  }, async (request) => {
    const connection = connectionOf(request);
    const subscription = await repos.billing.getSubscription(connection.id, request.params.subscriptionId);
    if (!subscription) throw notFound(`No subscription ${request.params.subscriptionId} on this connection`);
    return view(subscription);
  });
}
