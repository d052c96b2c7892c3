// What every record read from a *Ret element shares: references to list entries and the modification stamps.
export interface RefValue {
  listId?: string;
  fullName?: string;
}

export interface Stamped {
  timeCreated?: string;
  timeModified?: string;
  editSequence: string;
}
