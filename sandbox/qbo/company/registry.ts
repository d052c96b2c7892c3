// All companies of the sandbox, by realm id. A new company is seeded like a fresh QuickBooks Online file.
import { randomInt } from 'node:crypto';
import { parseDecimal } from '../../../domain/money.js';
import type { SandboxClock } from '../clock.js';
import type { ChangeListener } from './changes.js';
import { Company, type CompanySettings } from './company.js';
import { seedCompany } from './seed.js';

export interface CompanyOptions {
  name?: string;
  /** Default true; false models a plan without purchase orders. */
  purchaseOrders?: boolean;
  /** Default sales tax rate in percent, e.g. "8.25"; absent means no sales tax. */
  salesTaxRate?: string | number | null;
  /** CompanyInfo.Country (default "US"), e.g. "CA" or "GB" for a company on Intuit's non-US tax model. */
  country?: string;
  /** Default false: a DocNumber another document of the type holds is refused (6140). */
  duplicateDocNumbers?: boolean;
  /** Pick the realm id (tests); otherwise a 16-digit id like Intuit's sandbox companies. */
  realmId?: string;
}

export function normalizeRate(rate: string | number | null | undefined): string | null {
  if (rate === null || rate === undefined) return null;
  const text = String(rate);
  parseDecimal(text, 5);
  return text;
}

export class CompanyRegistry {
  private readonly companies = new Map<string, Company>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly onChange?: ChangeListener,
  ) {}

  create(options: CompanyOptions = {}): Company {
    const realmId = options.realmId ?? this.newRealmId();
    if (this.companies.has(realmId)) throw new Error(`company ${realmId} already exists`);
    const settings: CompanySettings = {
      name: options.name ?? `Sandbox Company ${this.companies.size + 1}`,
      purchaseOrders: options.purchaseOrders ?? true,
      salesTaxRate: normalizeRate(options.salesTaxRate),
      country: options.country ?? 'US',
      duplicateDocNumbers: options.duplicateDocNumbers ?? false,
    };
    const company = new Company(realmId, this.clock.now(), settings, () => this.clock.now());
    seedCompany(company, this.clock.now());
    // Attached after seeding: a new company's chart of accounts is not news to anyone.
    company.onChange = this.onChange;
    this.companies.set(realmId, company);
    return company;
  }

  get(realmId: string): Company | undefined {
    return this.companies.get(realmId);
  }

  list(): Company[] {
    return [...this.companies.values()];
  }

  clear(): void {
    this.companies.clear();
  }

  private newRealmId(): string {
    for (;;) {
      const id = `9341${String(randomInt(0, 1_000_000)).padStart(6, '0')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
      if (!this.companies.has(id)) return id;
    }
  }
}
