// The control surface's own failure: something named does not exist (HTTP 404); any other Error is a 400.
export class ControlError extends Error {}
