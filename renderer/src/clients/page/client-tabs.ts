export const CLIENT_TABS = ['overview', 'plan', 'sessions', 'follow-up', 'medications', 'measures', 'activity'] as const;
export type ClientTab = (typeof CLIENT_TABS)[number];
export const isClientTab = (value: string | null): value is ClientTab => CLIENT_TABS.some((tab) => tab === value);

// The tab last open per client, so coming back from a note lands on Sessions, not Overview, and a
// link from elsewhere (the Dashboard's "more open alerts") can open the client on the tab it is about.
const lastTab = new Map<string, ClientTab>();

export const rememberedTab = (clientId: string): ClientTab | undefined => lastTab.get(clientId);
export const rememberTab = (clientId: string, tab: ClientTab): void => void lastTab.set(clientId, tab);
