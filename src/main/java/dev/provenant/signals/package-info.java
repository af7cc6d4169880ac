/**
 * Signals for dashboards: decision statistics per time bucket and group, and drift of a
 * model or prompt version between two windows, all aggregated in the database.
 */
package dev.provenant.signals;
