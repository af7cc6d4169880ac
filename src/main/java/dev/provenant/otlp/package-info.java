/**
 * OpenTelemetry traces in: the OTLP/HTTP receiver at {@code /v1/traces} and the mapping
 * of GenAI spans to decisions, model calls, reads and actions (ADR 14).
 */
package dev.provenant.otlp;
