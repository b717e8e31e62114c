// Must run before any Apollo package loads: @apollo/gateway 2.14 otherwise probes cloud metadata addresses
// (169.254.169.254, 100.100.100.200) and reports usage to Apollo. No process of govhub talks beyond loopback.
process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
process.env.TURBO_TELEMETRY_DISABLED ??= '1';
