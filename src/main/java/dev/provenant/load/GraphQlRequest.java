package dev.provenant.load;

import java.util.Map;

/** One GraphQL document with its variables, as posted to {@code /graphql}. */
record GraphQlRequest(String document, Map<String, Object> variables) {

}
