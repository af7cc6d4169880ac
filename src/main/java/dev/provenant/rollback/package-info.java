/**
 * Rollback scope: the executed actions of a blast radius as an ordered plan (what was
 * triggered is reverted before what triggered it), and recording that an action has been
 * rolled back.
 */
package dev.provenant.rollback;
