/**
 * Who is calling and what they may do: API keys and OAuth2 JWT bearer tokens, the roles
 * they carry, and the limits that hold back a caller who floods, guesses or hoards.
 */
package dev.provenant.security;
