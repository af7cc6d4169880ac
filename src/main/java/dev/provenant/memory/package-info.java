/**
 * Memory: the byte bound of every cache and buffer in one place, the estimates they are
 * weighed with, and the metrics that show how full each one is.
 */
package dev.provenant.memory;
