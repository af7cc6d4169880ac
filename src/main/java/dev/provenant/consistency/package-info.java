/**
 * Read-your-writes across instances: the consistency token a mutation's answer carries,
 * and the wait of an instance that is sent one until its database reads and its
 * dependency index have caught up to it.
 */
package dev.provenant.consistency;
