/**
 * A bounded load command: drives a mix of ingest and queries against a running Provenant
 * over HTTP for a set time, and reports throughput, latency percentiles and errors.
 */
package dev.provenant.load;
