package dev.provenant.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * {@code first}/{@code after} of a connection field, checked. Cursors are opaque to
 * clients; inside they are the position of the item in the ordered list, which is stable
 * because the lists Provenant pages are computed in a deterministic order.
 */
public record PageRequest(int offset, int size) {

	private static final String PREFIX = "pos:";

	public static PageRequest of(Integer first, String after, int maxPageSize) {
		int size = (first == null) ? 100 : first;
		if (size < 0 || size > maxPageSize) {
			throw new InvalidArgument("first", "first must be between 0 and " + maxPageSize + ", got " + size);
		}
		// The page starts after the cursor. Counted in long: a cursor at the last int
		// position is past the end of any list, and so is where its page starts.
		long offset = (after == null) ? 0 : decode(after) + 1L;
		return new PageRequest((int) Math.min(offset, Integer.MAX_VALUE), size);
	}

	/**
	 * Cuts this page out of the whole ordered list and turns its items into nodes (in one
	 * call, for batching).
	 */
	public <I, T> Connection<T> slice(List<I> all, Function<List<I>, List<T>> toNodes) {
		int from = Math.min(this.offset, all.size());
		int to = Math.min(from + this.size, all.size());
		List<T> nodes = toNodes.apply(all.subList(from, to));
		List<Connection.Edge<T>> edges = new ArrayList<>(nodes.size());
		for (int i = 0; i < nodes.size(); i++) {
			edges.add(new Connection.Edge<>(encode(from + i), nodes.get(i)));
		}
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection<>(edges, new Connection.PageInfo(to < all.size(), from > 0, start, end), all.size());
	}

	/**
	 * Cuts this page out of the whole ordered list as ids; cursors are those of the
	 * connection over the same list, so the two can be mixed.
	 */
	public <I> IdPage ids(List<I> all, Function<I, String> id) {
		int from = Math.min(this.offset, all.size());
		int to = Math.min(from + this.size, all.size());
		List<String> ids = new ArrayList<>(to - from);
		for (I item : all.subList(from, to)) {
			ids.add(id.apply(item));
		}
		return new IdPage(ids, all.size(), to < all.size(), (to > from) ? encode(to - 1) : null);
	}

	/**
	 * A connection around a page fetched already (with SKIP {@link #offset} LIMIT
	 * {@link #size}).
	 */
	public <T> Connection<T> page(List<T> items, int totalCount) {
		List<Connection.Edge<T>> edges = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			edges.add(new Connection.Edge<>(encode(this.offset + i), items.get(i)));
		}
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		boolean hasNext = this.offset + items.size() < totalCount;
		return new Connection<>(edges, new Connection.PageInfo(hasNext, this.offset > 0, start, end), totalCount);
	}

	static String encode(int position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
	}

	private static int decode(String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(PREFIX)) {
				int position = Integer.parseInt(text.substring(PREFIX.length()));
				if (position >= 0) {
					return position;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the error below: a malformed cursor is the client's
			// mistake, not ours
		}
		throw new InvalidArgument("after", "'" + cursor + "' is not a cursor returned by this connection");
	}

}
