// When a record was created and last changed, and its EditSequence (QuickBooks' optimistic lock).
export interface Stamp {
  created: Date;
  modified: Date;
  editSequence: string;
}
