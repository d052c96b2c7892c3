// Customer payments: ReceivePaymentAdd (applied to named invoices, or auto-applied) and ReceivePaymentQuery.
import type { Cents } from '../../../../domain/money.js';
import {
  amount,
  guid,
  identity,
  optAmount,
  optBool,
  optDate,
  optText,
  QBXML_LIMITS,
  QbxmlInputError,
  refElement,
  type QbRef,
} from '../fields.js';
import { textElement } from '../xml.js';
import { includeRetElements, iteratorAttrs, openRq, REF_LIMITS, txnQueryFilters, type QbIterator, type TxnQueryInput } from './common.js';

export interface ReceivePaymentAddInput {
  customer: QbRef;
  arAccount?: QbRef;
  txnDate?: string;
  /** The check or reference number, up to 20 characters (refused when longer). */
  refNumber?: string;
  totalAmountCents: Cents;
  paymentMethod?: QbRef;
  memo?: string;
  depositToAccount?: QbRef;
  externalGuid?: string;
  /** Apply to these transactions; or `autoApply` to let QuickBooks pick the oldest open invoices. */
  applyTo?: readonly { txnId: string; paymentAmountCents: Cents }[];
  autoApply?: boolean;
}

export interface ReceivePaymentQueryInput extends TxnQueryInput {
  iterator?: QbIterator;
}

export function buildReceivePaymentAdd(requestId: string, input: ReceivePaymentAddInput): string {
  const applied = input.applyTo ?? [];
  if (applied.length && input.autoApply) throw new QbxmlInputError('Apply to named transactions or auto-apply, not both', 'AppliedToTxnAdd');
  if (!applied.length && !input.autoApply) throw new QbxmlInputError('A payment needs AppliedToTxnAdd lines or IsAutoApply', 'AppliedToTxnAdd');
  const appliedTotal = applied.reduce((sum, a) => sum + a.paymentAmountCents, 0);
  if (appliedTotal > input.totalAmountCents) {
    throw new QbxmlInputError('The applied amounts add up to more than the payment', 'PaymentAmount');
  }
  const body =
    refElement('CustomerRef', input.customer, REF_LIMITS.customer) +
    refElement('ARAccountRef', input.arAccount, REF_LIMITS.account) +
    optDate('TxnDate', input.txnDate) +
    (input.refNumber === undefined ? '' : textElement('RefNumber', identity('RefNumber', input.refNumber, QBXML_LIMITS.paymentRefNumber))) +
    amount('TotalAmount', input.totalAmountCents) +
    refElement('PaymentMethodRef', input.paymentMethod, REF_LIMITS.paymentMethod) +
    optText('Memo', input.memo, QBXML_LIMITS.memo) +
    refElement('DepositToAccountRef', input.depositToAccount, REF_LIMITS.account) +
    guid('ExternalGUID', input.externalGuid) +
    (input.autoApply
      ? optBool('IsAutoApply', true)
      : applied
          .map((a) => `<AppliedToTxnAdd>${textElement('TxnID', identity('TxnID', a.txnId, QBXML_LIMITS.listId))}${optAmount('PaymentAmount', a.paymentAmountCents)}</AppliedToTxnAdd>`)
          .join(''));
  return `${openRq('ReceivePaymentAdd', requestId)}<ReceivePaymentAdd>${body}</ReceivePaymentAdd></ReceivePaymentAddRq>`;
}

export function buildReceivePaymentQuery(requestId: string, input: ReceivePaymentQueryInput = {}): string {
  if (input.includeLinkedTxns !== undefined) throw new QbxmlInputError('ReceivePaymentQuery has no IncludeLinkedTxns', 'IncludeLinkedTxns');
  const body = txnQueryFilters(input, input.iterator, '') + optBool('IncludeLineItems', input.includeLineItems) + includeRetElements(input.includeRetElements);
  return `${openRq('ReceivePaymentQuery', requestId, iteratorAttrs(input.iterator))}${body}</ReceivePaymentQueryRq>`;
}
