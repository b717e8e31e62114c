// @apollo/gateway 2.14 probes cloud metadata addresses and reports usage to Apollo unless this is set.
// Imported first by every entry point, before any Apollo package loads.
process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
process.env.TURBO_TELEMETRY_DISABLED ??= '1';
