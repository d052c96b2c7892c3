// Routes the operator token opens, in one encapsulated scope that checks the token once.
import type { FastifyInstance } from 'fastify';
import operatorConsoleRoutes from './console.js';
import tenantRoutes from './tenants.js';

export default async function operatorScope(scope: FastifyInstance) {
  scope.addHook('onRequest', (request) => scope.requireOperator(request));
  await scope.register(tenantRoutes);
  await scope.register(operatorConsoleRoutes);
}
