/** Limits shared by the schemas and the screens; kept free of zod so the renderer can import them cheaply. */
export const AUTO_LOCK_MINUTES = { min: 1, max: 120, default: 10 } as const;
