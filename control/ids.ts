// Every workflow's id, from business identity: a retried API call, a schedule and a person starting the same work
// all name the same run, so Temporal never starts a second one. Pure (workflows that start children use it too).

/** One workflow per order: a new revision updates what the first posted. */
export const sendOrderWorkflowId = (ids: { tenantId: string; connectionId: string; orderId: string }) =>
  `send-order/${ids.tenantId}/${ids.connectionId}/${ids.orderId}`;

/** One lifecycle per QuickBooks Online connection. */
export const lifecycleWorkflowId = (connectionId: string) => `connection/${connectionId}`;

/** One delivery workflow per (event, endpoint). */
export const webhookWorkflowId = (deliveryId: string) => `webhook/${deliveryId}`;

/** One billing run per connection and period at a time. */
export const billingRunWorkflowId = (connectionId: string, periodStart: string) => `billing/${connectionId}/${periodStart}`;

/** What the billing schedule starts (Temporal appends the scheduled time). */
export const billingScheduledWorkflowId = (connectionId: string) => `billing-scheduled/${connectionId}`;

/** What the daily sync schedule starts (Temporal appends the scheduled time), and a sync retried by hand. */
export const billingSyncWorkflowId = (connectionId: string) => `billing-sync/${connectionId}`;
export const billingSyncRetryWorkflowId = (connectionId: string) => `billing-sync/${connectionId}/retry`;

export const billingScheduleId = (connectionId: string) => `billing/${connectionId}`;
export const billingSyncScheduleId = (connectionId: string) => `billing-sync/${connectionId}`;

/** One workflow per upstream invoice: a new revision or a send request joins the run copying it. */
export const copyInvoiceWorkflowId = (ids: { tenantId: string; connectionId: string; invoiceId: string }) =>
  `copy-invoice/${ids.tenantId}/${ids.connectionId}/${ids.invoiceId}`;

/** One processor of recorded Intuit events per connection (webhooks and the change feed wake it). */
export const paymentsSyncWorkflowId = (connectionId: string) => `payments-sync/${connectionId}`;

/** The change feed (CDC) schedule of a connection, and what it starts (Temporal appends the scheduled time). */
export const paymentsFeedScheduleId = (connectionId: string) => `payments-feed/${connectionId}`;
export const paymentsFeedWorkflowId = (connectionId: string) => `payments-feed/${connectionId}`;

/** One lists import of a connection at a time (a second request joins the running one). */
export const importListsWorkflowId = (connectionId: string) => `import-lists/${connectionId}`;

/** One timesheet export per connection (signal-with-start whenever entries are queued). */
export const exportTimesheetsWorkflowId = (connectionId: string) => `export-timesheets/${connectionId}`;

/** A connection's lists import schedule, and what it starts (Temporal appends the scheduled time). */
export const importListsScheduleId = (connectionId: string) => `import-lists/${connectionId}`;
export const importListsScheduledWorkflowId = (connectionId: string) => `import-lists-scheduled/${connectionId}`;
