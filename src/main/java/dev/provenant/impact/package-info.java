/**
 * Blast radius: given a suspect node, the decisions downstream of it within a time
 * window, the actions those decisions caused, and a count by kind of everything it
 * touched.
 */
package dev.provenant.impact;
