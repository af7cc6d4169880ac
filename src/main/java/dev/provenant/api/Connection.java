package dev.provenant.api;

import java.util.List;

/**
 * A Relay cursor connection: one page of an ordered list, and the size of the whole list.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
