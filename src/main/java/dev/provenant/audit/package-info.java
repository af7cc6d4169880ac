/**
 * The tamper-evident audit log: every write appends, in its own transaction, an event
 * chained to the previous one by SHA-256, and the chain can be recomputed and checked
 * against the records it describes at any time.
 */
package dev.provenant.audit;
