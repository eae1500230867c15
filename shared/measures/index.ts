/** Alliance and outcome measures: definitions, scoring, alert rules and chart geometry, all pure. */
export * from './definition';
export * from './built-in';
export * from './scoring';
export * from './alerts';
export * from './alert-events';
export * from './alert-divergence';
export * from './medication-alerts';
export * from './chart';
export * from './chart-time-axis';
export * from './chart-stack';
export * from './chart-sparkline';
export * from './chart-markers';
export * from './series';
