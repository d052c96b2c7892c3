// Customers and vendors: Add and Query. QuickBooks keeps customers, vendors, employees and other names in one
// name space, so an Add can answer 3100 (name in use); the caller then adopts the existing record.
import { textElement } from '../xml.js';
import { guid, listName, optBool, optDate, optText, QBXML_LIMITS, refElement, type QbRef } from '../fields.js';
import type { JobStatus } from '../records.js';
import {
  address,
  includeRetElements,
  iteratorAttrs,
  listQueryFilters,
  openRq,
  REF_LIMITS,
  type ListQueryInput,
  type QbAddress,
  type QbIterator,
} from './common.js';

interface PersonFields {
  companyName?: string;
  salutation?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  jobTitle?: string;
  phone?: string;
  altPhone?: string;
  fax?: string;
  email?: string;
  cc?: string;
  contact?: string;
  altContact?: string;
}

export interface CustomerAddInput extends PersonFields {
  /** 1–41 characters, no colon. */
  name: string;
  isActive?: boolean;
  /** A parent customer makes this a job ("Parent:Name"). */
  parent?: QbRef;
  billAddress?: QbAddress;
  shipAddress?: QbAddress;
  terms?: QbRef;
  salesTaxCode?: QbRef;
  itemSalesTax?: QbRef;
  resaleNumber?: string;
  accountNumber?: string;
  /** Jobs: status and dates as QuickBooks' Job Info tab shows them. */
  jobStatus?: JobStatus;
  jobStartDate?: string;
  jobProjectedEndDate?: string;
  jobEndDate?: string;
  jobDesc?: string;
  notes?: string;
  externalGuid?: string;
}

export interface VendorAddInput extends PersonFields {
  /** 1–41 characters, no colon. */
  name: string;
  isActive?: boolean;
  vendorAddress?: QbAddress;
  shipAddress?: QbAddress;
  nameOnCheck?: string;
  accountNumber?: string;
  notes?: string;
  terms?: QbRef;
  vendorTaxIdent?: string;
  isVendorEligibleFor1099?: boolean;
  externalGuid?: string;
}

export interface NameQueryInput extends ListQueryInput {
  iterator?: QbIterator;
}

const L = QBXML_LIMITS;

function personNames(input: PersonFields): string {
  return (
    optText('CompanyName', input.companyName, L.companyName) +
    optText('Salutation', input.salutation, L.salutation) +
    optText('FirstName', input.firstName, L.personName) +
    optText('MiddleName', input.middleName, 5) +
    optText('LastName', input.lastName, L.personName) +
    optText('JobTitle', input.jobTitle, L.jobTitle)
  );
}

function contactFields(input: PersonFields): string {
  return (
    optText('Phone', input.phone, L.phone) +
    optText('AltPhone', input.altPhone, L.phone) +
    optText('Fax', input.fax, L.phone) +
    optText('Email', input.email, L.email) +
    optText('Cc', input.cc, L.email) +
    optText('Contact', input.contact, L.addressLine) +
    optText('AltContact', input.altContact, L.addressLine)
  );
}

export function buildCustomerAdd(requestId: string, input: CustomerAddInput): string {
  const body =
    textElement('Name', listName('Name', input.name, L.customerName)) +
    optBool('IsActive', input.isActive) +
    refElement('ParentRef', input.parent, REF_LIMITS.customer) +
    personNames(input) +
    address('BillAddress', input.billAddress) +
    address('ShipAddress', input.shipAddress) +
    contactFields(input) +
    refElement('TermsRef', input.terms, REF_LIMITS.terms) +
    refElement('SalesTaxCodeRef', input.salesTaxCode, REF_LIMITS.salesTaxCode) +
    refElement('ItemSalesTaxRef', input.itemSalesTax, REF_LIMITS.itemSalesTax) +
    optText('ResaleNumber', input.resaleNumber, 15) +
    optText('AccountNumber', input.accountNumber, L.accountNumber) +
    (input.jobStatus ? `<JobStatus>${input.jobStatus}</JobStatus>` : '') +
    optDate('JobStartDate', input.jobStartDate) +
    optDate('JobProjectedEndDate', input.jobProjectedEndDate) +
    optDate('JobEndDate', input.jobEndDate) +
    optText('JobDesc', input.jobDesc, 99) +
    optText('Notes', input.notes, L.notes) +
    guid('ExternalGUID', input.externalGuid);
  return `${openRq('CustomerAdd', requestId)}<CustomerAdd>${body}</CustomerAdd></CustomerAddRq>`;
}

export function buildVendorAdd(requestId: string, input: VendorAddInput): string {
  const body =
    textElement('Name', listName('Name', input.name, L.vendorName)) +
    optBool('IsActive', input.isActive) +
    personNames(input) +
    address('VendorAddress', input.vendorAddress) +
    address('ShipAddress', input.shipAddress) +
    contactFields(input) +
    optText('NameOnCheck', input.nameOnCheck, L.nameOnCheck) +
    optText('AccountNumber', input.accountNumber, L.accountNumber) +
    optText('Notes', input.notes, L.notes) +
    refElement('TermsRef', input.terms, REF_LIMITS.terms) +
    optText('VendorTaxIdent', input.vendorTaxIdent, 15) +
    optBool('IsVendorEligibleFor1099', input.isVendorEligibleFor1099) +
    guid('ExternalGUID', input.externalGuid);
  return `${openRq('VendorAdd', requestId)}<VendorAdd>${body}</VendorAdd></VendorAddRq>`;
}

export function buildCustomerQuery(requestId: string, input: NameQueryInput = {}): string {
  return nameQuery('CustomerQuery', requestId, input, REF_LIMITS.customer);
}

export function buildVendorQuery(requestId: string, input: NameQueryInput = {}): string {
  return nameQuery('VendorQuery', requestId, input, REF_LIMITS.vendor);
}

function nameQuery(kind: string, requestId: string, input: NameQueryInput, fullNameMax: number): string {
  const body = listQueryFilters(input, fullNameMax, input.iterator) + includeRetElements(input.includeRetElements);
  return `${openRq(kind, requestId, iteratorAttrs(input.iterator))}${body}</${kind}Rq>`;
}

