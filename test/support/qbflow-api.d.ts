// Generated from GET /docs/json by openapi-typescript (test/api/openapi.test.ts); regenerate with `npx vitest run test/api/openapi.test.ts -u`.
export interface paths {
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a tenant and its first API key (operator token) */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/console/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use link to the console over all tenants (operator token); read-only unless write is true */
        post: operations["createOperatorConsoleSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant this API key belongs to */
        get: operations["getCurrentTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the tenant's settings (the console's allowed origins) */
        patch: operations["updateCurrentTenant"];
        trace?: never;
    };
    "/v1/console/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A single-use link to the console (10 minutes), optionally for one connection and one page
         * @description Send the person to `url` (or open it in an iframe of an allowed origin with `embedded: true`). The first opening starts a session (cookie, 30 minutes idle, 8 hours at most); a second opening is refused.
         */
        post: operations["createConsoleSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tenant's connections */
        get: operations["listConnections"];
        put?: never;
        /** Create a connection: QuickBooks Online (returns the URL that authorises it) or Desktop (returns the Web Connector credentials) */
        post: operations["createConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a connection */
        get: operations["getConnection"];
        put?: never;
        post?: never;
        /** Disconnect: revoke the authorisation at Intuit, erase the tokens, remove the connection and its billing schedules */
        delete: operations["disconnectConnection"];
        options?: never;
        head?: never;
        /** Rename a connection */
        patch: operations["renameConnection"];
        trace?: never;
    };
    "/v1/connections/{id}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get a new authorisation URL (to reconnect the same company) */
        post: operations["authorizeConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/sync-errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What is blocking documents and billing, in words a bookkeeper can act on
         * @description Errors qbflow can retry carry a retryUrl: POST it once the cause is fixed. Billing errors (documentKind "billing", externalId "organization@period") rerun that organization's billing, unit-cost errors ("item-cost") the daily sync, and an order's errors (documentKind = the step, externalId = the orderId) send the order again as it was last sent.
         */
        get: operations["listSyncErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the settings (defaults until saved) */
        get: operations["getSettings"];
        /** Replace the settings */
        put: operations["replaceSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/mappings/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List mappings of one kind by upstream id */
        get: operations["listMappings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/mappings/{kind}/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one mapping */
        get: operations["getMapping"];
        /** Map an upstream id to a QuickBooks object (checked in QuickBooks) */
        put: operations["setMapping"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/quickbooks/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the QuickBooks company (first 100 matches by name) */
        get: operations["searchQuickBooks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The connection's orders, newest first, with where each stands (from Temporal's visibility) */
        get: operations["listOrders"];
        put?: never;
        /**
         * Send an order to QuickBooks (also for orders placed before the connection existed)
         * @description Money is a decimal string with at most two places. Re-sending the same orderId updates what was posted; it never duplicates.
         */
        post: operations["sendOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where an order stands: each step, the QuickBooks ids, errors in plain words */
        get: operations["getOrderStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List endpoints */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Register an endpoint for events
         * @description Deliveries are signed: header `qbflow-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the tenant's secret. Refuse timestamps older than a few minutes.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an endpoint */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (shown once) */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries, newest first, with their status */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/qwc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the .QWC file to add to the QuickBooks Web Connector */
        get: operations["downloadQwcFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new Web Connector password (the old one stops working at once) */
        post: operations["issueWebConnectorPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/web-connector": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Web Connector side of a connection: company file, queue, imported lists */
        get: operations["getWebConnectorState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/quickbooks/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import the company file's lists again (customers, vendors, items, accounts) at the next Web Connector run */
        post: operations["importQuickBooksLists"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the billing configuration and when its schedule runs next */
        get: operations["getBillingConfig"];
        /**
         * Configure monthly billing: mode (fixed once saved), billing day, proration, time zone and hour
         * @description Creates or updates the connection's billing schedule (day N at the hour, in the time zone) and its daily sync schedule (one hour earlier). Changes apply from the next run.
         */
        put: operations["configureBilling"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the offer mappings */
        get: operations["listOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/offers/{offerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Map an offer to a QuickBooks item (checked in QuickBooks), and switch its sync on or off
         * @description Invoice lines of a synced offer use its item and the item's own price; the offer's unit cost is kept in the item's purchase cost.
         */
        put: operations["mapOffer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization mappings */
        get: operations["listOrganizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/organizations/{organizationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Map an organization to a QuickBooks customer (checked in QuickBooks), choose create or update, switch its sync */
        put: operations["mapOrganization"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription and its history */
        get: operations["getSubscription"];
        /**
         * Record a subscription change: its quantity (and unit cost) from a date on
         * @description The change joins the subscription's history; the same change sent again is recorded once (recorded: false). A subscription keeps its organization, offer and term.
         */
        put: operations["recordSubscriptionChange"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/billing/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Billing runs, newest first, with what each did per organization */
        get: operations["listBillingRuns"];
        put?: never;
        /**
         * Run (or re-run) one billing period by hand; re-running never adds a second invoice or line
         * @description `period` is the billed period's first day: a billing day. In advance mode that period is billed with the changes of the one before; in arrears mode, with its own changes.
         */
        post: operations["startBillingRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/billing/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One billing run with its per-organization results */
        get: operations["getBillingRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/sync-errors/{errorId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry what a sync error stopped, once it is fixed (billing of an organization for a period, an item's unit cost, or an order sent again as it was last sent) */
        post: operations["retrySyncError"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/invoices/{invoiceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where an invoice stands: each step, its QuickBooks id and number, when and to whom it was sent, balance and payments */
        get: operations["getInvoice"];
        /**
         * Copy an invoice to QuickBooks (again after edits: the same QuickBooks invoice is updated)
         * @description Money is a decimal string. The customer is matched by exact display name (a customer mapping overrides), each service type by exact item name (created as a Service item with the connection's income account when missing). Idempotent: the same content changes nothing; a higher revision updates in place; a lower one than already copied is refused.
         */
        put: operations["copyInvoice"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/invoices/{invoiceId}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy (or re-copy) the invoice, then have QuickBooks e-mail it to its billing address
         * @description QuickBooks' own template, styling and online payment options apply. Sent once per requestId, however often the request is retried. Without a billing e-mail on the invoice it is copied only, and the answer says why. QuickBooks Desktop cannot e-mail invoices: there it is copied only, and the answer says so (sending: false, reason).
         */
        post: operations["sendInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/payments/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read QuickBooks' change feed now (it also runs on a schedule) for payments webhooks may have missed */
        post: operations["syncPayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/lists/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last lists import: counts, changes, and the checks in words (time tracking, first day of the week, payroll, employees left unset) */
        get: operations["getListsImport"];
        put?: never;
        /**
         * Import the lists people track time against (the first import reads everything, later ones what changed)
         * @description Customers and jobs, service items, classes, employees (with their payroll set-up), vendors, other names and payroll wage items. Desktop reads them when its Web Connector next runs. Answers at once; GET …/lists/import says where it stands and what to check in QuickBooks.
         */
        post: operations["importLists"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/lists/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Import the lists on a schedule (every N minutes), or stop (everyMinutes null) */
        put: operations["scheduleListsImport"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/lists/{list}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A list's change feed: records created, updated, deactivated or deleted after the cursor, oldest change first */
        get: operations["listChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/timesheets/people/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Map an upstream user to the QuickBooks employee, vendor or other name whose time they track */
        put: operations["mapTimesheetPerson"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/timesheets/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Upstream users mapped to QuickBooks people */
        get: operations["listTimesheetPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/timesheets/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where an entry stands: queued, exported (with its QuickBooks id), failed (with what to fix) or deleted */
        get: operations["getTimesheetEntry"];
        /**
         * Send a timesheet entry to QuickBooks (again with a higher revision: QuickBooks' entry is updated)
         * @description Idempotent: the same revision and content sends nothing. QuickBooks' rules are checked before sending; an entry that cannot go fails with the person, the date and what to fix (GET the entry, sync errors, timesheet.failed).
         */
        put: operations["putTimesheetEntry"];
        post?: never;
        /** Remove an entry from QuickBooks */
        delete: operations["deleteTimesheetEntry"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/timesheets/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send many timesheet entries at once (each as PUT …/timesheets/:entryId would)
         * @description Checked together: when one entry is malformed nothing is stored (400 names each field).
         */
        post: operations["putTimesheetEntries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/timesheets/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send failed entries again, once what stopped them is fixed (all, or the ones named) */
        post: operations["retryTimesheets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where Intuit sends the user back after they authorise (not called by apps) */
        get: operations["completeAuthorization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/intuit/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Where Intuit sends QuickBooks Online change notifications (configure it on the app's Webhooks page; not called by apps)
         * @description Header `intuit-signature`: base64 HMAC-SHA256 of the raw body with the app's verifier token. Legacy (`eventNotifications`) and CloudEvents payloads, several realms per delivery. 401 for a bad signature, 403 when no connection has any of the realms, both without detail.
         */
        post: operations["receiveIntuitWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/qbwc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Web Connector contract (?wsdl) */
        get: operations["getWebConnectorContract"];
        put?: never;
        /**
         * The QuickBooks Web Connector endpoint (SOAP 1.1; see ?wsdl)
         * @description Every fault, the caller's included, is a SOAP Fault with HTTP 500 as SOAP 1.1 requires; only requests HTTP itself refuses get a 4xx (problem+json).
         */
        post: operations["callWebConnector"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/qbwc/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Help for people running the Web Connector */
        get: operations["getWebConnectorHelp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description application/problem+json */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: {
                field: string;
                message: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    adminEmails?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenant: {
                            id: string;
                            name: string;
                            adminEmails: string[];
                            createdAt: string;
                        };
                        /** @description Shown once; store it now */
                        apiKey: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential is not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOperatorConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Allow changes (default: read-only) */
                    write?: boolean;
                    /**
                     * Format: uuid
                     * @description Open this tenant only
                     */
                    tenantId?: string;
                    /** @description The console's language (default: the browser's) */
                    locale?: "en" | "fr";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Single use; open it in a browser (or an iframe) before it expires */
                        url: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential is not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCurrentTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        adminEmails: string[];
                        /** @description Origins that may embed the console in an iframe and that console return URLs may point to */
                        consoleFrameOrigins: string[];
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCurrentTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description scheme://host[:port], https (http only for localhost) */
                    consoleFrameOrigins?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        adminEmails: string[];
                        /** @description Origins that may embed the console in an iframe and that console return URLs may point to */
                        consoleFrameOrigins: string[];
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description Show only this connection
                     */
                    connectionId?: string;
                    /** @description Open this page (and only it) */
                    page?: "connections" | "connect" | "settings" | "mappings" | "billing" | "activity" | "status" | "webhooks";
                    /** @description Where "Back to the app" leads: http(s), on one of the tenant's consoleFrameOrigins */
                    returnUrl?: string;
                    /** @description The console's language (default: the browser's) */
                    locale?: "en" | "fr";
                    /** @description The link will be opened inside an iframe of one of the tenant's consoleFrameOrigins */
                    embedded?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Single use; open it in a browser (or an iframe) before it expires */
                        url: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConnections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        connections: {
                            id: string;
                            type: string;
                            name: string;
                            /** @description pending, connected, expiring, needs_reauth or disconnected */
                            status: string;
                            statusDetail: string | null;
                            realmId: string | null;
                            /** @description When QuickBooks will stop accepting this connection unless someone reconnects it */
                            reauthorizeBy: string | null;
                            /** @description QuickBooks Desktop connections only */
                            webConnector?: {
                                /** @description Requests waiting for the Web Connector to carry them to QuickBooks */
                                queuedRequests: number;
                                /** @description When the oldest of them was queued */
                                oldestWaitingSince: string | null;
                                /** @description Operations (order or billing steps) waiting for room in the queue before they queue anything */
                                waitingForRoom: number;
                                /** @description When a Web Connector last called */
                                lastContactAt: string | null;
                                /** @description The last Web Connector run that ended in an error, with what it was told */
                                lastError: {
                                    message: string;
                                    at: string;
                                } | null;
                            };
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createConnection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "qbo";
                    name?: string;
                } | {
                    /** @enum {string} */
                    type: "qbd";
                    name?: string;
                    /** @description How often the Web Connector runs (default 5) */
                    runEveryMinutes?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        connection: {
                            id: string;
                            type: string;
                            name: string;
                            /** @description pending, connected, expiring, needs_reauth or disconnected */
                            status: string;
                            statusDetail: string | null;
                            realmId: string | null;
                            /** @description When QuickBooks will stop accepting this connection unless someone reconnects it */
                            reauthorizeBy: string | null;
                            /** @description QuickBooks Desktop connections only */
                            webConnector?: {
                                /** @description Requests waiting for the Web Connector to carry them to QuickBooks */
                                queuedRequests: number;
                                /** @description When the oldest of them was queued */
                                oldestWaitingSince: string | null;
                                /** @description Operations (order or billing steps) waiting for room in the queue before they queue anything */
                                waitingForRoom: number;
                                /** @description When a Web Connector last called */
                                lastContactAt: string | null;
                                /** @description The last Web Connector run that ended in an error, with what it was told */
                                lastError: {
                                    message: string;
                                    at: string;
                                } | null;
                            };
                            createdAt: string;
                        };
                        /** @description Send the person who owns the QuickBooks company here */
                        authorizeUrl: string;
                    } | {
                        connection: {
                            id: string;
                            type: string;
                            name: string;
                            /** @description pending, connected, expiring, needs_reauth or disconnected */
                            status: string;
                            statusDetail: string | null;
                            realmId: string | null;
                            /** @description When QuickBooks will stop accepting this connection unless someone reconnects it */
                            reauthorizeBy: string | null;
                            /** @description QuickBooks Desktop connections only */
                            webConnector?: {
                                /** @description Requests waiting for the Web Connector to carry them to QuickBooks */
                                queuedRequests: number;
                                /** @description When the oldest of them was queued */
                                oldestWaitingSince: string | null;
                                /** @description Operations (order or billing steps) waiting for room in the queue before they queue anything */
                                waitingForRoom: number;
                                /** @description When a Web Connector last called */
                                lastContactAt: string | null;
                                /** @description The last Web Connector run that ended in an error, with what it was told */
                                lastError: {
                                    message: string;
                                    at: string;
                                } | null;
                            };
                            createdAt: string;
                        };
                        webConnector: {
                            /** @description The Web Connector user name (it is in the .QWC file too) */
                            userName: string;
                            /** @description Shown once: enter it in the Web Connector. qbflow keeps only a hash. */
                            password: string;
                            /** @description Download the .QWC file here and open it with the Web Connector */
                            qwcUrl: string;
                            runEveryMinutes: number;
                        };
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        type: string;
                        name: string;
                        /** @description pending, connected, expiring, needs_reauth or disconnected */
                        status: string;
                        statusDetail: string | null;
                        realmId: string | null;
                        /** @description When QuickBooks will stop accepting this connection unless someone reconnects it */
                        reauthorizeBy: string | null;
                        /** @description QuickBooks Desktop connections only */
                        webConnector?: {
                            /** @description Requests waiting for the Web Connector to carry them to QuickBooks */
                            queuedRequests: number;
                            /** @description When the oldest of them was queued */
                            oldestWaitingSince: string | null;
                            /** @description Operations (order or billing steps) waiting for room in the queue before they queue anything */
                            waitingForRoom: number;
                            /** @description When a Web Connector last called */
                            lastContactAt: string | null;
                            /** @description The last Web Connector run that ended in an error, with what it was told */
                            lastError: {
                                message: string;
                                at: string;
                            } | null;
                        };
                        createdAt: string;
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disconnectConnection: {
        parameters: {
            query?: {
                /** @description Remove even if Intuit cannot be reached to revoke */
                force?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description QuickBooks could not be reached or refused the call. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    renameConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        type: string;
                        name: string;
                        /** @description pending, connected, expiring, needs_reauth or disconnected */
                        status: string;
                        statusDetail: string | null;
                        realmId: string | null;
                        /** @description When QuickBooks will stop accepting this connection unless someone reconnects it */
                        reauthorizeBy: string | null;
                        /** @description QuickBooks Desktop connections only */
                        webConnector?: {
                            /** @description Requests waiting for the Web Connector to carry them to QuickBooks */
                            queuedRequests: number;
                            /** @description When the oldest of them was queued */
                            oldestWaitingSince: string | null;
                            /** @description Operations (order or billing steps) waiting for room in the queue before they queue anything */
                            waitingForRoom: number;
                            /** @description When a Web Connector last called */
                            lastContactAt: string | null;
                            /** @description The last Web Connector run that ended in an error, with what it was told */
                            lastError: {
                                message: string;
                                at: string;
                            } | null;
                        };
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    authorizeConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        connection: {
                            id: string;
                            type: string;
                            name: string;
                            /** @description pending, connected, expiring, needs_reauth or disconnected */
                            status: string;
                            statusDetail: string | null;
                            realmId: string | null;
                            /** @description When QuickBooks will stop accepting this connection unless someone reconnects it */
                            reauthorizeBy: string | null;
                            /** @description QuickBooks Desktop connections only */
                            webConnector?: {
                                /** @description Requests waiting for the Web Connector to carry them to QuickBooks */
                                queuedRequests: number;
                                /** @description When the oldest of them was queued */
                                oldestWaitingSince: string | null;
                                /** @description Operations (order or billing steps) waiting for room in the queue before they queue anything */
                                waitingForRoom: number;
                                /** @description When a Web Connector last called */
                                lastContactAt: string | null;
                                /** @description The last Web Connector run that ended in an error, with what it was told */
                                lastError: {
                                    message: string;
                                    at: string;
                                } | null;
                            };
                            createdAt: string;
                        };
                        /** @description Send the person who owns the QuickBooks company here */
                        authorizeUrl: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSyncErrors: {
        parameters: {
            query?: {
                /** @description Only errors of this kind, e.g. billing */
                documentKind?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: {
                            id: string;
                            documentKind: string;
                            externalId: string;
                            code: string;
                            message: string;
                            createdAt: string;
                            retryUrl?: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Who may send documents: everyone, or the listed teams and users */
                        senders: {
                            /** @enum {string} */
                            mode: "everyone";
                        } | {
                            /** @enum {string} */
                            mode: "listed";
                            teams: string[];
                            users: string[];
                        };
                        /** @description Which documents may be sent */
                        documents: {
                            invoice: boolean;
                            bill: boolean;
                            purchaseOrder: boolean;
                        };
                        /** @description Which order field names the QuickBooks item */
                        itemField: "productNumber" | "productName";
                        /** @description Default accounts; absent ones are found by type in the company */
                        accounts: {
                            /** @description A QuickBooks object id */
                            receivable?: string;
                            /** @description A QuickBooks object id */
                            income?: string;
                            /** @description A QuickBooks object id */
                            payable?: string;
                            /** @description A QuickBooks object id */
                            costOfGoodsSold?: string;
                            /** @description A QuickBooks object id */
                            discount?: string;
                        };
                        /** @description quickbooks: QuickBooks computes the tax, and a difference from the order's tax is reported as a warning; orderTotal: the order's tax is posted as sales tax (Online: the invoice's TotalTax, overriding automated sales tax; Desktop: a line with the chosen Sales Tax item, itemId) */
                        tax: {
                            /** @enum {string} */
                            mode: "quickbooks";
                        } | {
                            /** @enum {string} */
                            mode: "orderTotal";
                            /** @description A QuickBooks object id */
                            itemId: string;
                        };
                        /** @description Invoices copied from a help desk or project tool */
                        invoices?: {
                            /** @description The income account of Service items created for new service types (pick one from GET …/quickbooks/accounts) */
                            incomeAccount?: string;
                            /** @description Companies outside the US: the tax code put on every invoice line (pick one from GET …/quickbooks/tax-codes); US companies use QuickBooks' automated sales tax */
                            taxCode?: string;
                        };
                        /** @description Timesheets exported from a time tracker */
                        timesheets?: {
                            /** @description The first day of the week in the time tracker: checked against QuickBooks' own at each lists import */
                            firstDayOfWeek?: "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday";
                        };
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Who may send documents: everyone, or the listed teams and users */
                    senders: {
                        /** @enum {string} */
                        mode: "everyone";
                    } | {
                        /** @enum {string} */
                        mode: "listed";
                        teams: string[];
                        users: string[];
                    };
                    /** @description Which documents may be sent */
                    documents: {
                        invoice: boolean;
                        bill: boolean;
                        purchaseOrder: boolean;
                    };
                    /** @description Which order field names the QuickBooks item */
                    itemField: "productNumber" | "productName";
                    /** @description Default accounts; absent ones are found by type in the company */
                    accounts: {
                        /** @description A QuickBooks object id */
                        receivable?: string;
                        /** @description A QuickBooks object id */
                        income?: string;
                        /** @description A QuickBooks object id */
                        payable?: string;
                        /** @description A QuickBooks object id */
                        costOfGoodsSold?: string;
                        /** @description A QuickBooks object id */
                        discount?: string;
                    };
                    /** @description quickbooks: QuickBooks computes the tax, and a difference from the order's tax is reported as a warning; orderTotal: the order's tax is posted as sales tax (Online: the invoice's TotalTax, overriding automated sales tax; Desktop: a line with the chosen Sales Tax item, itemId) */
                    tax: {
                        /** @enum {string} */
                        mode: "quickbooks";
                    } | {
                        /** @enum {string} */
                        mode: "orderTotal";
                        /** @description A QuickBooks object id */
                        itemId: string;
                    };
                    /** @description Invoices copied from a help desk or project tool */
                    invoices?: {
                        /** @description The income account of Service items created for new service types (pick one from GET …/quickbooks/accounts) */
                        incomeAccount?: string;
                        /** @description Companies outside the US: the tax code put on every invoice line (pick one from GET …/quickbooks/tax-codes); US companies use QuickBooks' automated sales tax */
                        taxCode?: string;
                    };
                    /** @description Timesheets exported from a time tracker */
                    timesheets?: {
                        /** @description The first day of the week in the time tracker: checked against QuickBooks' own at each lists import */
                        firstDayOfWeek?: "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Who may send documents: everyone, or the listed teams and users */
                        senders: {
                            /** @enum {string} */
                            mode: "everyone";
                        } | {
                            /** @enum {string} */
                            mode: "listed";
                            teams: string[];
                            users: string[];
                        };
                        /** @description Which documents may be sent */
                        documents: {
                            invoice: boolean;
                            bill: boolean;
                            purchaseOrder: boolean;
                        };
                        /** @description Which order field names the QuickBooks item */
                        itemField: "productNumber" | "productName";
                        /** @description Default accounts; absent ones are found by type in the company */
                        accounts: {
                            /** @description A QuickBooks object id */
                            receivable?: string;
                            /** @description A QuickBooks object id */
                            income?: string;
                            /** @description A QuickBooks object id */
                            payable?: string;
                            /** @description A QuickBooks object id */
                            costOfGoodsSold?: string;
                            /** @description A QuickBooks object id */
                            discount?: string;
                        };
                        /** @description quickbooks: QuickBooks computes the tax, and a difference from the order's tax is reported as a warning; orderTotal: the order's tax is posted as sales tax (Online: the invoice's TotalTax, overriding automated sales tax; Desktop: a line with the chosen Sales Tax item, itemId) */
                        tax: {
                            /** @enum {string} */
                            mode: "quickbooks";
                        } | {
                            /** @enum {string} */
                            mode: "orderTotal";
                            /** @description A QuickBooks object id */
                            itemId: string;
                        };
                        /** @description Invoices copied from a help desk or project tool */
                        invoices?: {
                            /** @description The income account of Service items created for new service types (pick one from GET …/quickbooks/accounts) */
                            incomeAccount?: string;
                            /** @description Companies outside the US: the tax code put on every invoice line (pick one from GET …/quickbooks/tax-codes); US companies use QuickBooks' automated sales tax */
                            taxCode?: string;
                        };
                        /** @description Timesheets exported from a time tracker */
                        timesheets?: {
                            /** @description The first day of the week in the time tracker: checked against QuickBooks' own at each lists import */
                            firstDayOfWeek?: "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday";
                        };
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but QuickBooks or a business rule refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMappings: {
        parameters: {
            query?: {
                /** @description Upstream ids or QuickBooks names containing this */
                search?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
                kind: "customers" | "vendors" | "items";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mappings: {
                            kind: string;
                            externalId: string;
                            quickbooksId: string;
                            quickbooksName: string | null;
                            /** @description manual (set here) or auto (found or created when sending) */
                            source: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMapping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                kind: "customers" | "vendors" | "items";
                externalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kind: string;
                        externalId: string;
                        quickbooksId: string;
                        quickbooksName: string | null;
                        /** @description manual (set here) or auto (found or created when sending) */
                        source: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setMapping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                kind: "customers" | "vendors" | "items";
                externalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quickbooksId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kind: string;
                        externalId: string;
                        quickbooksId: string;
                        quickbooksName: string | null;
                        /** @description manual (set here) or auto (found or created when sending) */
                        source: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but QuickBooks or a business rule refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description QuickBooks could not be reached or refused the call. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchQuickBooks: {
        parameters: {
            query?: {
                search?: string;
            };
            header?: never;
            path: {
                id: string;
                kind: "customers" | "vendors" | "items" | "accounts" | "tax-codes";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            id: string;
                            name: string;
                            type?: string;
                            active: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description QuickBooks could not be reached or refused the call. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                state?: "running" | "posted" | "partially_posted" | "failed";
                /** @description Started on or after this day (UTC), YYYY-MM-DD */
                from?: string;
                /** @description Started on or before this day (UTC), YYYY-MM-DD */
                to?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orders: {
                            orderId: string;
                            workflowId: string;
                            run: string;
                            /** @description running, posted, partially_posted or failed */
                            state: string;
                            startedAt: string;
                            closedAt: string | null;
                            statusUrl: string;
                            temporalUiUrl?: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    orderId: string;
                    number: string;
                    revision?: number;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    date: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    dueDate?: string;
                    sentBy: {
                        userId: string;
                        teamIds?: string[];
                    };
                    documents: ("invoice" | "bill" | "purchaseOrder")[];
                    customer: {
                        externalId: string;
                        name: string;
                        /** Format: email */
                        email?: string;
                        quickbooksId?: string;
                    };
                    vendor?: {
                        externalId: string;
                        name: string;
                        /** Format: email */
                        email?: string;
                        quickbooksId?: string;
                    };
                    lines: {
                        productNumber: string;
                        productName: string;
                        description?: string;
                        /** @description e.g. "100" or "2.30" */
                        quantity: string;
                        /** @description e.g. "100" or "2.30" */
                        unitPrice: string;
                        /** @description e.g. "100" or "2.30" */
                        unitCost?: string;
                    }[];
                    /** @description Amount, e.g. "218.50"; QuickBooks accepts at most 9999999999.99 */
                    discount?: string;
                    /** @description Amount, e.g. "218.50"; QuickBooks accepts at most 9999999999.99 */
                    tax?: string;
                    memo?: string;
                    payments?: {
                        externalId: string;
                        /** @description Amount, e.g. "218.50"; QuickBooks accepts at most 9999999999.99 */
                        amount: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        date: string;
                        reference?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflowId: string;
                        revision: number;
                        statusUrl: string;
                        temporalUiUrl?: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential is not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orderId: string;
                        workflowId: string;
                        /** @description Temporal run status: RUNNING, COMPLETED, FAILED, … */
                        run: string;
                        /** @description running, posted, partially_posted or failed */
                        outcome: string;
                        revision: number;
                        steps: {
                            step: string;
                            state: string;
                            quickbooksId?: string;
                            action?: string;
                            detail?: string;
                            /** @description Posted, but worth checking: e.g. QuickBooks' sales tax differs from the order's tax */
                            warning?: string;
                            error?: string;
                        }[];
                        error?: string;
                        temporalUiUrl?: string;
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoints: {
                            id: string;
                            url: string;
                            events: string[];
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url: string;
                    events: ("connection.expiring" | "connection.needs_reauth" | "connection.restored" | "document.posted" | "document.failed" | "invoice.paid" | "invoice.partially_paid" | "invoice.payment_reversed" | "lists.changed" | "timesheet.exported" | "timesheet.failed")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint: {
                            id: string;
                            url: string;
                            events: string[];
                            createdAt: string;
                        };
                        /** @description The tenant's signing secret, shown only when it is created */
                        secret?: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "delivered" | "failed";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            id: string;
                            endpointId: string;
                            eventId: string;
                            eventType: string;
                            /** @description pending (being retried), delivered or failed (gave up) */
                            status: string;
                            attempts: number;
                            lastStatusCode: number | null;
                            lastError: string | null;
                            createdAt: string;
                            deliveredAt: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadQwcFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueWebConnectorPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The Web Connector user name (it is in the .QWC file too) */
                        userName: string;
                        /** @description Shown once: enter it in the Web Connector. qbflow keeps only a hash. */
                        password: string;
                        /** @description Download the .QWC file here and open it with the Web Connector */
                        qwcUrl: string;
                        runEveryMinutes: number;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebConnectorState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userName: string;
                        runEveryMinutes: number;
                        qwcUrl: string;
                        /** @description The company file this connection is bound to (set by the first Web Connector run) */
                        companyFile: string | null;
                        companyName: string | null;
                        qbxmlVersion: string | null;
                        lastSessionAt: string | null;
                        queue: {
                            queued: number;
                            sent: number;
                        };
                        lists: {
                            kind: string;
                            state: string;
                            count: number;
                            pages: number;
                            error: string | null;
                            finishedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importQuickBooksLists: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lists: string[];
                        detail: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBillingConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mode: string;
                        dayOfMonth: number;
                        prorate: {
                            increases: boolean;
                            decreases: boolean;
                        };
                        timeZone: string;
                        hour: string;
                        schedule: {
                            scheduleId: string;
                            syncScheduleId: string;
                            nextRuns: string[];
                            nextSyncs: string[];
                        } | null;
                        updatedAt: string;
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    configureBilling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description advance: each run bills the coming period; arrears: the period that just ended. Cannot change once saved. */
                    mode: "advance" | "arrears";
                    /** @description The billing day: periods run from it to the day before the next one */
                    dayOfMonth: number;
                    /** @description Which changes are billed prorated; one that is not counts from the next period. Default: neither. */
                    prorate?: {
                        increases: boolean;
                        decreases: boolean;
                    };
                    /** @description IANA time zone of the billing day and hour (default America/New_York) */
                    timeZone?: string;
                    /** @description Local time of day, HH:MM (24 h) */
                    hour?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mode: string;
                        dayOfMonth: number;
                        prorate: {
                            increases: boolean;
                            decreases: boolean;
                        };
                        timeZone: string;
                        hour: string;
                        schedule: {
                            scheduleId: string;
                            syncScheduleId: string;
                            nextRuns: string[];
                            nextSyncs: string[];
                        } | null;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service qbflow relies on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOffers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        offers: {
                            offerId: string;
                            name: string | null;
                            itemId: string | null;
                            itemName: string | null;
                            sync: boolean;
                            pushedUnitCost: string | null;
                            pushedAt: string | null;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mapOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                offerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description How invoice lines name the offer */
                    name?: string;
                    itemId?: string | null;
                    /** @description Bill this offer (and keep its item's purchase cost up to date) */
                    sync: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        offerId: string;
                        name: string | null;
                        itemId: string | null;
                        itemName: string | null;
                        sync: boolean;
                        pushedUnitCost: string | null;
                        pushedAt: string | null;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but QuickBooks or a business rule refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description QuickBooks could not be reached or refused the call. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganizations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizations: {
                            organizationId: string;
                            name: string | null;
                            customerId: string | null;
                            customerName: string | null;
                            invoice: string;
                            sync: boolean;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mapOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    customerId?: string | null;
                    /** @description create: a new invoice per period; update: the customer's newest unsent invoice dated in the period (one is created when there is none) */
                    invoice?: "create" | "update";
                    /** @description Bill this organization */
                    sync: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizationId: string;
                        name: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        invoice: string;
                        sync: boolean;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but QuickBooks or a business rule refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description QuickBooks could not be reached or refused the call. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscriptionId: string;
                        organizationId: string;
                        offerId: string;
                        term: string;
                        recorded?: boolean;
                        history: {
                            effectiveDate: string;
                            quantity: number;
                            unitCost: string;
                            receivedAt: string;
                        }[];
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordSubscriptionChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    organizationId: string;
                    offerId: string;
                    term: "monthly" | "annual";
                    /** @description Seats from effectiveDate on (0 = cancelled) */
                    quantity: number;
                    /** @description What the reseller pays per seat, e.g. "9.75" */
                    unitCost: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    effectiveDate: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscriptionId: string;
                        organizationId: string;
                        offerId: string;
                        term: string;
                        recorded?: boolean;
                        history: {
                            effectiveDate: string;
                            quantity: number;
                            unitCost: string;
                            receivedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBillingRuns: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Include per-organization results */
                results?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runs: {
                            id: string;
                            period: {
                                start: string;
                                end: string;
                            };
                            trigger: string;
                            scheduledFor: string | null;
                            status: string;
                            organizations: number;
                            counts: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                sent: number;
                                nothing: number;
                                failed: number;
                            };
                            error: string | null;
                            workflowId: string;
                            startedAt: string;
                            finishedAt: string | null;
                            results?: {
                                organizationId: string;
                                /** @description created, updated, unchanged, sent, nothing or failed */
                                outcome: string;
                                invoiceId: string | null;
                                invoiceNumber: string | null;
                                billed: string | null;
                                lines: number;
                                detail: string | null;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startBillingRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    period: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflowId: string;
                        period: {
                            start: string;
                            end: string;
                        };
                        runsUrl: string;
                        temporalUiUrl?: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBillingRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        period: {
                            start: string;
                            end: string;
                        };
                        trigger: string;
                        scheduledFor: string | null;
                        status: string;
                        organizations: number;
                        counts: {
                            created: number;
                            updated: number;
                            unchanged: number;
                            sent: number;
                            nothing: number;
                            failed: number;
                        };
                        error: string | null;
                        workflowId: string;
                        startedAt: string;
                        finishedAt: string | null;
                        results?: {
                            organizationId: string;
                            /** @description created, updated, unchanged, sent, nothing or failed */
                            outcome: string;
                            invoiceId: string | null;
                            invoiceNumber: string | null;
                            billed: string | null;
                            lines: number;
                            detail: string | null;
                        }[];
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retrySyncError: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                errorId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflowId: string;
                        retrying: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential is not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description The upstream invoice id */
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invoiceId: string;
                        workflowId: string;
                        /** @description Temporal run status of the copy: RUNNING, COMPLETED, … */
                        run: string | null;
                        revision: number;
                        /** @description running, copied, sent, held (a person must decide) or failed */
                        outcome: string;
                        steps: {
                            step: string;
                            state: string;
                            quickbooksId?: string;
                            action?: string;
                            detail?: string;
                            error?: string;
                        }[];
                        error?: string;
                        copied: {
                            quickbooksId: string;
                            number: string | null;
                            revision: number;
                            at: string;
                        } | null;
                        sent: {
                            at: string;
                            to: string;
                        } | null;
                        total: string | null;
                        balance: string | null;
                        paid: string | null;
                        /** @description not_copied, open, partially_paid or paid */
                        status: string;
                        payments: {
                            /** @description The QuickBooks payment */
                            paymentId: string;
                            quickbooksInvoiceId: string;
                            /** @description What it applies to this invoice now (0.00 once taken back) */
                            amount: string;
                            date: string | null;
                            /** @description applied, voided, deleted or changed */
                            state: string;
                        }[];
                        temporalUiUrl?: string;
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    copyInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description The upstream invoice id */
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    revision?: number;
                    number?: string;
                    customer: {
                        externalId: string;
                        name: string;
                        /** Format: email */
                        email?: string;
                    };
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    date: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    dueDate?: string;
                    terms?: string;
                    memo?: string;
                    billingEmails?: string[];
                    lines: {
                        description: string;
                        /** @description e.g. "100" or "2.30" */
                        quantity: string;
                        /** @description e.g. "100" or "2.30" */
                        rate: string;
                        serviceType: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflowId: string;
                        revision: number;
                        statusUrl: string;
                        temporalUiUrl?: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description The upstream invoice id */
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Sent at most once per id, however often this request is retried (default: one send per revision) */
                    requestId?: string;
                    invoice?: {
                        revision?: number;
                        number?: string;
                        customer: {
                            externalId: string;
                            name: string;
                            /** Format: email */
                            email?: string;
                        };
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        date: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        dueDate?: string;
                        terms?: string;
                        memo?: string;
                        billingEmails?: string[];
                        lines: {
                            description: string;
                            /** @description e.g. "100" or "2.30" */
                            quantity: string;
                            /** @description e.g. "100" or "2.30" */
                            rate: string;
                            serviceType: string;
                        }[];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflowId: string;
                        revision: number;
                        statusUrl: string;
                        temporalUiUrl?: string;
                        requestId: string;
                        /** @description false: the invoice is copied but not sent (see reason) */
                        sending: boolean;
                        reason?: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but QuickBooks or a business rule refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    syncPayments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        scheduleId: string;
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but QuickBooks or a business rule refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getListsImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        running: boolean;
                        last: {
                            importedAt: string;
                            /** @description What the bookkeeper should check in QuickBooks, checked, in words */
                            checks: {
                                code: string;
                                ok: boolean;
                                message: string;
                            }[];
                            preferences: {
                                [key: string]: unknown;
                            };
                            /** @description Counts per list, changes, lists QuickBooks could not answer */
                            summary: {
                                [key: string]: unknown;
                            };
                        } | null;
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importLists: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Which lists (default: all) */
                    lists?: ("customers" | "items" | "classes" | "employees" | "vendors" | "otherNames" | "payrollItems")[];
                    /** @description Read everything again instead of what changed since the last import */
                    full?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflowId: string;
                        /** @description false: an import was already running; this request joins it */
                        started: boolean;
                        statusUrl: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    scheduleListsImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description How often to import the lists (5 minutes to a week); null stops the schedule */
                    everyMinutes: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        scheduleId: string | null;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChanges: {
        parameters: {
            query?: {
                /** @description From the previous page (or poll): changes after it */
                cursor?: string;
                /** @description Only records changed at or after this time */
                changedSince?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
                list: "customers" | "items" | "classes" | "employees" | "vendors" | "otherNames" | "payrollItems";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        records: {
                            quickbooksId: string;
                            name: string;
                            /** @description "Parent:Job" for jobs and sub-classes */
                            fullName: string;
                            parentId: string | null;
                            active: boolean;
                            deleted: boolean;
                            /** @description created, updated, deactivated, reactivated or deleted */
                            change: string;
                            changedAt: string;
                            /** @description Everything else: addresses and printed blocks, job status, payroll set-up, rates… */
                            fields: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @description Pass back to get what changed next */
                        cursor: string | null;
                        more: boolean;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mapTimesheetPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "employees" | "vendors" | "otherNames";
                    /** @description A QuickBooks id from the lists feed (ListID on Desktop, Id on Online) */
                    quickbooksId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        kind: string;
                        quickbooksId: string;
                        name: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but QuickBooks or a business rule refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTimesheetPeople: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        people: {
                            userId: string;
                            kind: string;
                            quickbooksId: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTimesheetEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entryId: string;
                        revision: number;
                        /** @description queued, exported, failed or deleted */
                        state: string;
                        removed: boolean;
                        quickbooksId: string | null;
                        exportedAt: string | null;
                        /** @description Why it failed: the person, the date and what to fix */
                        error: string | null;
                        entry: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putTimesheetEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Higher revisions update; the same revision and content changes nothing */
                    revision: number;
                    /** @description The upstream user (mapped to a QuickBooks person: PUT …/timesheets/people/:userId) */
                    userId: string;
                    /** @description The day worked */
                    date: string;
                    minutes: number;
                    /** @description A QuickBooks id from the lists feed (ListID on Desktop, Id on Online) */
                    customerId?: string;
                    /** @description A QuickBooks id from the lists feed (ListID on Desktop, Id on Online) */
                    itemId?: string;
                    /** @description A QuickBooks id from the lists feed (ListID on Desktop, Id on Online) */
                    payrollItemId?: string;
                    /** @description A QuickBooks id from the lists feed (ListID on Desktop, Id on Online) */
                    classId?: string;
                    billable: "billable" | "not_billable" | "billed";
                    /** @description Decimal string; QuickBooks Online needs one for billable time */
                    hourlyRate?: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entryId: string;
                        /** @description queued (QuickBooks will get it), unchanged (QuickBooks holds it already), stale (a higher revision is stored), conflict (same revision, other content) */
                        outcome: string;
                        statusUrl: string;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTimesheetEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entryId: string;
                        revision: number;
                        /** @description queued, exported, failed or deleted */
                        state: string;
                        removed: boolean;
                        quickbooksId: string | null;
                        exportedAt: string | null;
                        /** @description Why it failed: the person, the date and what to fix */
                        error: string | null;
                        entry: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putTimesheetEntries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entries: {
                        entryId: string;
                        /** @description Higher revisions update; the same revision and content changes nothing */
                        revision: number;
                        /** @description The upstream user (mapped to a QuickBooks person: PUT …/timesheets/people/:userId) */
                        userId: string;
                        /** @description The day worked */
                        date: string;
                        minutes: number;
                        /** @description A QuickBooks id from the lists feed (ListID on Desktop, Id on Online) */
                        customerId?: string;
                        /** @description A QuickBooks id from the lists feed (ListID on Desktop, Id on Online) */
                        itemId?: string;
                        /** @description A QuickBooks id from the lists feed (ListID on Desktop, Id on Online) */
                        payrollItemId?: string;
                        /** @description A QuickBooks id from the lists feed (ListID on Desktop, Id on Online) */
                        classId?: string;
                        billable: "billable" | "not_billable" | "billed";
                        /** @description Decimal string; QuickBooks Online needs one for billable time */
                        hourlyRate?: string;
                        notes?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            entryId: string;
                            /** @description queued (QuickBooks will get it), unchanged (QuickBooks holds it already), stale (a higher revision is stored), conflict (same revision, other content) */
                            outcome: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryTimesheets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entryIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requeued: number;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    completeAuthorization: {
        parameters: {
            query: {
                state: string;
                code?: string;
                realmId?: string;
                error?: string;
                error_description?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page telling the person the company is connected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description QuickBooks could not be reached or refused the call. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveIntuitWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        received: number;
                        recorded: number;
                    };
                };
            };
            /** @description The request is not valid: `errors` names each field and why. Nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential is not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebConnectorContract: {
        parameters: {
            query?: {
                wsdl?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The WSDL (with ?wsdl), else a line saying what this endpoint is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The request line and headers are larger than the server accepts. */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callWebConnector: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A SOAP 1.1 envelope */
        requestBody: {
            content: {
                "text/xml": string;
            };
        };
        responses: {
            /** @description A SOAP 1.1 envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description The request line and headers are larger than the server accepts. */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A SOAP Fault */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
        };
    };
    getWebConnectorHelp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The request line and headers are larger than the server accepts. */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
