package dev.provenant.security;

import java.util.List;

/** The caller, as a page needs to know it: who, and which roles it holds. */
record Viewer(String principal, List<String> roles) {

}
