/**
 * Search: nodes by id, id prefix or the words of their name, for the explorer's search
 * box and anyone who knows a name but not the id.
 */
package dev.provenant.search;
