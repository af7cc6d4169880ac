/**
 * Who is calling and what they may do: API keys and OAuth2 JWT bearer tokens, the roles
 * they carry, and the per-principal request rate limit.
 */
package dev.provenant.security;
