// Per-connection settings: who may send, which documents, how items are matched, default accounts, tax, and what
// copied invoices use (the income account of new service items, the tax code outside the US).
import { Type, type Static } from 'typebox';

const QuickBooksId = Type.String({ minLength: 1, maxLength: 64, description: 'A QuickBooks object id' });

export const SettingsSchema = Type.Object({
  senders: Type.Union([
    Type.Object({ mode: Type.Literal('everyone') }, { additionalProperties: false }),
    Type.Object({
      mode: Type.Literal('listed'),
      teams: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500, uniqueItems: true }),
      users: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 5000, uniqueItems: true }),
    }, { additionalProperties: false }),
  ], { description: 'Who may send documents: everyone, or the listed teams and users' }),
  documents: Type.Object({
    invoice: Type.Boolean(),
    bill: Type.Boolean(),
    purchaseOrder: Type.Boolean(),
  }, { additionalProperties: false, description: 'Which documents may be sent' }),
  itemField: Type.Union([Type.Literal('productNumber'), Type.Literal('productName')], {
    description: 'Which order field names the QuickBooks item',
  }),
  accounts: Type.Object({
    receivable: Type.Optional(QuickBooksId),
    income: Type.Optional(QuickBooksId),
    payable: Type.Optional(QuickBooksId),
    costOfGoodsSold: Type.Optional(QuickBooksId),
    discount: Type.Optional(QuickBooksId),
  }, { additionalProperties: false, description: 'Default accounts; absent ones are found by type in the company' }),
  tax: Type.Union([
    Type.Object({ mode: Type.Literal('quickbooks') }, { additionalProperties: false }),
    Type.Object({ mode: Type.Literal('orderTotal'), itemId: QuickBooksId }, { additionalProperties: false }),
  ], { description: 'quickbooks: QuickBooks computes the tax, and a difference from the order\'s tax is reported as a warning; orderTotal: the order\'s tax is posted as sales tax (Online: the invoice\'s TotalTax, overriding automated sales tax; Desktop: a line with the chosen Sales Tax item, itemId)' }),
  invoices: Type.Optional(Type.Object({
    incomeAccount: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The income account of Service items created for new service types (pick one from GET …/quickbooks/accounts)' })),
    taxCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Companies outside the US: the tax code put on every invoice line (pick one from GET …/quickbooks/tax-codes); US companies use QuickBooks\' automated sales tax' })),
  }, { additionalProperties: false, description: 'Invoices copied from a help desk or project tool' })),
  timesheets: Type.Optional(Type.Object({
    firstDayOfWeek: Type.Optional(Type.Union(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => Type.Literal(d)), { description: 'The first day of the week in the time tracker: checked against QuickBooks\' own at each lists import' })),
  }, { additionalProperties: false, description: 'Timesheets exported from a time tracker' })),
}, { additionalProperties: false });

export type Settings = Static<typeof SettingsSchema>;
export type AccountRole = keyof Settings['accounts'];

export const defaultSettings: Settings = {
  senders: { mode: 'everyone' },
  documents: { invoice: true, bill: true, purchaseOrder: true },
  itemField: 'productNumber',
  accounts: {},
  tax: { mode: 'quickbooks' },
};

/** Whether a user (and their teams) may send under these settings. */
export function maySend(settings: Settings, sender: { userId: string; teamIds?: readonly string[] }): boolean {
  if (settings.senders.mode === 'everyone') return true;
  const { teams, users } = settings.senders;
  return users.includes(sender.userId) || (sender.teamIds ?? []).some((team) => teams.includes(team));
}

/** Rules beyond the schema, each tied to the field a person would fix. */
export function checkSettings(settings: Settings): { field: string; message: string }[] {
  if (settings.senders.mode === 'listed' && settings.senders.teams.length + settings.senders.users.length === 0) {
    return [{ field: 'body/senders', message: 'List at least one team or user who may send, or allow everyone' }];
  }
  return [];
}
