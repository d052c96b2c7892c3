// Transaction *Ret elements (invoices, bills, purchase orders, payments) in schema order.
import type { Cents } from '../../../domain/money.js';
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import {
  accountRef,
  address,
  addressBlock,
  billAmountDue,
  bool,
  invoiceBalance,
  invoicePaid,
  invoiceTotal,
  itemRef,
  money,
  nameRef,
  paymentUnused,
  purchaseOrderTotal,
  simpleRef,
  stamp,
  type RenderContext,
} from './render.js';
import type { BillRecord, InvoiceRecord, PaymentRecord, PurchaseOrderRecord } from './store.js';
import { el, leaf } from './xml.js';

function linkedTxn(txnType: string, txnId: string, txnDate: string, refNumber: string | undefined, amount: Cents): XNode {
  return el('LinkedTxn', leaf('TxnID', txnId), leaf('TxnType', txnType), leaf('TxnDate', txnDate), leaf('RefNumber', refNumber), leaf('LinkType', 'AMTTYPE'), money('Amount', amount));
}

export function invoiceRet(ctx: RenderContext, inv: InvoiceRecord, includeLines: boolean, includeLinked: boolean): XNode {
  const paid = invoicePaid(ctx, inv);
  const balance = invoiceTotal(inv) - paid;
  const linked: XNode[] = [];
  if (includeLinked) {
    for (const p of ctx.store.payments.values()) {
      const amount = p.applied.filter((a) => a.invoiceId === inv.txnId).reduce((s, a) => s + a.amount, 0);
      if (amount) linked.push(linkedTxn('ReceivePayment', p.txnId, p.txnDate, p.refNumber, -amount));
    }
  }
  return el(
    'InvoiceRet',
    stamp(ctx, 'TxnID', inv.txnId, inv),
    leaf('TxnNumber', inv.txnNumber),
    nameRef(ctx, 'CustomerRef', inv.customerId),
    simpleRef(ctx, 'ClassRef', inv.classId),
    accountRef(ctx, 'ARAccountRef', inv.arAccountId),
    simpleRef(ctx, 'TemplateRef', inv.templateId),
    leaf('TxnDate', inv.txnDate),
    leaf('RefNumber', inv.refNumber),
    address('BillAddress', inv.billAddress),
    addressBlock('BillAddressBlock', inv.billAddress),
    address('ShipAddress', inv.shipAddress),
    addressBlock('ShipAddressBlock', inv.shipAddress),
    bool('IsPending', inv.isPending),
    bool('IsFinanceCharge', false),
    leaf('PONumber', inv.poNumber),
    simpleRef(ctx, 'TermsRef', inv.termsId),
    leaf('DueDate', inv.dueDate ?? inv.txnDate),
    leaf('ShipDate', inv.txnDate),
    money('Subtotal', inv.subtotal),
    itemRef(ctx, 'ItemSalesTaxRef', inv.itemSalesTaxId),
    leaf('SalesTaxPercentage', inv.itemSalesTaxId ? inv.salesTaxPercentage : undefined),
    money('SalesTaxTotal', inv.salesTaxTotal),
    money('AppliedAmount', paid === 0 ? 0 : -paid),
    money('BalanceRemaining', balance),
    leaf('Memo', inv.memo),
    bool('IsPaid', balance <= 0),
    bool('IsToBePrinted', inv.isToBePrinted),
    bool('IsToBeEmailed', inv.isToBeEmailed),
    simpleRef(ctx, 'CustomerSalesTaxCodeRef', inv.customerSalesTaxCodeId),
    leaf('Other', inv.other),
    leaf('ExternalGUID', inv.externalGuid),
    linked,
    includeLines
      ? inv.lines.map((l) =>
          el(
            'InvoiceLineRet',
            leaf('TxnLineID', l.txnLineId),
            itemRef(ctx, 'ItemRef', l.itemId),
            leaf('Desc', l.desc),
            leaf('Quantity', l.quantity),
            leaf('Rate', l.rate),
            leaf('RatePercent', l.rate === undefined ? l.ratePercent : undefined),
            simpleRef(ctx, 'ClassRef', l.classId),
            money('Amount', l.amount),
            leaf('ServiceDate', l.serviceDate),
            simpleRef(ctx, 'SalesTaxCodeRef', l.salesTaxCodeId),
            leaf('Other1', l.other1),
            leaf('Other2', l.other2),
          ),
        )
      : undefined,
  );
}

export function billRet(ctx: RenderContext, bill: BillRecord, includeLines: boolean): XNode {
  const due = billAmountDue(bill);
  return el(
    'BillRet',
    stamp(ctx, 'TxnID', bill.txnId, bill),
    leaf('TxnNumber', bill.txnNumber),
    nameRef(ctx, 'VendorRef', bill.vendorId),
    address('VendorAddress', bill.vendorAddress),
    accountRef(ctx, 'APAccountRef', bill.apAccountId),
    leaf('TxnDate', bill.txnDate),
    leaf('DueDate', bill.dueDate ?? bill.txnDate),
    money('AmountDue', due),
    leaf('RefNumber', bill.refNumber),
    simpleRef(ctx, 'TermsRef', bill.termsId),
    leaf('Memo', bill.memo),
    bool('IsPaid', false),
    leaf('ExternalGUID', bill.externalGuid),
    includeLines
      ? bill.expenseLines.map((l) =>
          el(
            'ExpenseLineRet',
            leaf('TxnLineID', l.txnLineId),
            accountRef(ctx, 'AccountRef', l.accountId),
            money('Amount', l.amount),
            leaf('Memo', l.memo),
            nameRef(ctx, 'CustomerRef', l.customerId),
            simpleRef(ctx, 'ClassRef', l.classId),
            leaf('BillableStatus', l.billableStatus),
          ),
        )
      : undefined,
    includeLines
      ? bill.itemLines.map((l) =>
          el(
            'ItemLineRet',
            leaf('TxnLineID', l.txnLineId),
            itemRef(ctx, 'ItemRef', l.itemId),
            leaf('Desc', l.desc),
            leaf('Quantity', l.quantity),
            leaf('Cost', l.cost),
            money('Amount', l.amount),
            nameRef(ctx, 'CustomerRef', l.customerId),
            simpleRef(ctx, 'ClassRef', l.classId),
            leaf('BillableStatus', l.billableStatus),
          ),
        )
      : undefined,
    money('OpenAmount', due),
  );
}

export function purchaseOrderRet(ctx: RenderContext, po: PurchaseOrderRecord, includeLines: boolean): XNode {
  return el(
    'PurchaseOrderRet',
    stamp(ctx, 'TxnID', po.txnId, po),
    leaf('TxnNumber', po.txnNumber),
    nameRef(ctx, 'VendorRef', po.vendorId),
    simpleRef(ctx, 'ClassRef', po.classId),
    simpleRef(ctx, 'TemplateRef', po.templateId),
    leaf('TxnDate', po.txnDate),
    leaf('RefNumber', po.refNumber),
    address('VendorAddress', po.vendorAddress),
    addressBlock('VendorAddressBlock', po.vendorAddress),
    address('ShipAddress', po.shipAddress),
    addressBlock('ShipAddressBlock', po.shipAddress),
    simpleRef(ctx, 'TermsRef', po.termsId),
    leaf('DueDate', po.dueDate),
    leaf('ExpectedDate', po.expectedDate),
    money('TotalAmount', purchaseOrderTotal(po)),
    bool('IsManuallyClosed', false),
    bool('IsFullyReceived', false),
    leaf('Memo', po.memo),
    leaf('VendorMsg', po.vendorMsg),
    bool('IsToBePrinted', po.isToBePrinted),
    bool('IsToBeEmailed', po.isToBeEmailed),
    leaf('Other1', po.other1),
    leaf('Other2', po.other2),
    leaf('ExternalGUID', po.externalGuid),
    includeLines
      ? po.lines.map((l) =>
          el(
            'PurchaseOrderLineRet',
            leaf('TxnLineID', l.txnLineId),
            itemRef(ctx, 'ItemRef', l.itemId),
            leaf('Desc', l.desc),
            leaf('Quantity', l.quantity),
            leaf('Rate', l.rate),
            money('Amount', l.amount),
            nameRef(ctx, 'CustomerRef', l.customerId),
            leaf('ServiceDate', l.serviceDate),
            leaf('ReceivedQuantity', '0'),
            leaf('UnbilledQuantity', l.quantity),
            bool('IsBilled', false),
            bool('IsManuallyClosed', false),
            leaf('Other1', l.other1),
            leaf('Other2', l.other2),
          ),
        )
      : undefined,
  );
}

export function paymentRet(ctx: RenderContext, p: PaymentRecord): XNode {
  return el(
    'ReceivePaymentRet',
    stamp(ctx, 'TxnID', p.txnId, p),
    leaf('TxnNumber', p.txnNumber),
    nameRef(ctx, 'CustomerRef', p.customerId),
    accountRef(ctx, 'ARAccountRef', p.arAccountId),
    leaf('TxnDate', p.txnDate),
    leaf('RefNumber', p.refNumber),
    money('TotalAmount', p.totalAmount),
    simpleRef(ctx, 'PaymentMethodRef', p.paymentMethodId),
    leaf('Memo', p.memo),
    accountRef(ctx, 'DepositToAccountRef', p.depositToAccountId),
    money('UnusedPayment', paymentUnused(p)),
    money('UnusedCredits', 0),
    leaf('ExternalGUID', p.externalGuid),
    p.applied.map((a) => {
      const inv = ctx.store.invoices.get(a.invoiceId);
      return el(
        'AppliedToTxnRet',
        leaf('TxnID', a.invoiceId),
        leaf('TxnType', 'Invoice'),
        leaf('TxnDate', inv?.txnDate),
        leaf('RefNumber', inv?.refNumber),
        money('BalanceRemaining', inv ? invoiceBalance(ctx, inv) : undefined),
        money('Amount', a.amount),
      );
    }),
  );
}
