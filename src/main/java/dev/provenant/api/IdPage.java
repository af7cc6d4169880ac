package dev.provenant.api;

import java.util.List;

/**
 * A page of ids only, for tools that need every id of a large answer (a rollback runner,
 * an incident report) without the cost of a node per item.
 */
public record IdPage(List<String> ids, int totalCount, boolean hasNextPage, String endCursor) {
}
