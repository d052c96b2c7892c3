// What a connection is, in business terms: which QuickBooks (Online or Desktop) and where it stands.
export const connectionTypes = ['qbo', 'qbd'] as const;
export type ConnectionType = (typeof connectionTypes)[number];

export const connectionStatuses = ['pending', 'connected', 'expiring', 'needs_reauth', 'disconnected'] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];
