// Examples for the main request bodies, shown in the OpenAPI document (and checked against their schemas when the
// document is linted in the tests). The order is DESIGN.md's seed order.
import type { TSchema } from 'typebox';

export interface Example {
  summary: string;
  value: unknown;
}

/** The schema with named examples (`x-examples`, which @fastify/swagger turns into the media type's examples). */
export const withExamples = <T extends TSchema>(schema: T, examples: Record<string, Example>): T => ({ ...schema, 'x-examples': examples });

export const orderExamples = {
  seed: {
    summary: '100 × A7102 at 2.30, 11.50 discount, 100.00 paid: an invoice of 218.50 and a bill to the supplier',
    value: {
      orderId: 'ORD-1001',
      number: 'SO-1001',
      date: '2026-11-20',
      sentBy: { userId: 'u-1' },
      documents: ['invoice', 'bill'],
      customer: { externalId: 'C-100', name: 'ABC Company', email: 'accounts@abc.example' },
      vendor: { externalId: 'V-200', name: 'ASI Supplier' },
      lines: [{ productNumber: 'A7102', productName: 'Almond - 11 oz/Stoneware', quantity: '100', unitPrice: '2.30', unitCost: '1.15' }],
      discount: '11.50',
      memo: 'Ship to the warehouse',
      payments: [{ externalId: 'P1', amount: '100.00', date: '2026-11-20', reference: 'CHK-5521' }],
    },
  },
};

export const connectionExamples = {
  online: { summary: 'QuickBooks Online: the answer carries the URL where the company\'s owner authorises qbflow', value: { type: 'qbo', name: 'Acme Inc. (QuickBooks Online)' } },
  desktop: { summary: 'QuickBooks Desktop: the answer carries the Web Connector user name and password (shown once)', value: { type: 'qbd', name: 'Acme Inc. (Desktop)', runEveryMinutes: 15 } },
};

export const billingConfigExamples = {
  advance: {
    summary: 'Bill each coming month on the 1st at 05:00 New York time; prorate seats added mid-period',
    value: { mode: 'advance', dayOfMonth: 1, prorate: { increases: true, decreases: false }, timeZone: 'America/New_York', hour: '05:00' },
  },
};

export const mappingExamples = {
  customer: { summary: 'Map this upstream customer to QuickBooks customer 58', value: { quickbooksId: '58' } },
};

export const offerExamples = {
  synced: { summary: 'Bill this offer with QuickBooks item 21', value: { name: 'Microsoft 365 Business Basic', itemId: '21', sync: true } },
};

export const organizationExamples = {
  synced: { summary: 'Bill this organization to QuickBooks customer 58, one new invoice per period', value: { name: 'Contoso Ltd', customerId: '58', invoice: 'create', sync: true } },
};

export const subscriptionExamples = {
  seats: {
    summary: 'From 1 December, 12 seats at 9.75 each',
    value: { organizationId: 'org-1', offerId: 'm365-basic', term: 'monthly', quantity: 12, unitCost: '9.75', effectiveDate: '2026-12-01' },
  },
};

export const webhookExamples = {
  posted: { summary: 'Tell this endpoint when a document is posted or fails', value: { url: 'https://hooks.upstream.example/qbflow', events: ['document.posted', 'document.failed'] } },
};
