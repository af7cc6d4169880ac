package dev.provenant.api;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageRequestTests {

	private static final List<String> ITEMS = List.of("a", "b", "c", "d", "e");

	@Test
	void pagesFollowEachOtherThroughTheirCursors() {
		Connection<String> first = PageRequest.of(2, null, 10).slice(ITEMS, Function.identity());
		assertThat(first.edges()).extracting(Connection.Edge::node).containsExactly("a", "b");
		assertThat(first.pageInfo().hasNextPage()).isTrue();
		assertThat(first.totalCount()).isEqualTo(5);

		Connection<String> second = PageRequest.of(2, first.pageInfo().endCursor(), 10)
			.slice(ITEMS, Function.identity());
		assertThat(second.edges()).extracting(Connection.Edge::node).containsExactly("c", "d");

		Connection<String> last = PageRequest.of(2, second.pageInfo().endCursor(), 10)
			.slice(ITEMS, Function.identity());
		assertThat(last.edges()).extracting(Connection.Edge::node).containsExactly("e");
		assertThat(last.pageInfo().hasNextPage()).isFalse();
		assertThat(last.pageInfo().hasPreviousPage()).isTrue();
	}

	@Test
	void firstZeroAnswersOnlyTheCount() {
		Connection<String> none = PageRequest.of(0, null, 10).slice(ITEMS, Function.identity());
		assertThat(none.edges()).isEmpty();
		assertThat(none.totalCount()).isEqualTo(5);
		assertThat(none.pageInfo().hasNextPage()).isTrue();
	}

	@Test
	void aCursorPastTheEndGivesAnEmptyPage() {
		String end = PageRequest.encode(10);
		assertThat(PageRequest.of(2, end, 10).slice(ITEMS, Function.identity()).edges()).isEmpty();
	}

	@Test
	void aCursorAtTheLastIntPositionGivesAnEmptyPageInsteadOfOverflowing() {
		String last = PageRequest.encode(Integer.MAX_VALUE);
		Connection<String> sliced = PageRequest.of(2, last, 10).slice(ITEMS, Function.identity());
		assertThat(sliced.edges()).isEmpty();
		assertThat(sliced.pageInfo().hasNextPage()).isFalse();
		Connection<String> fetched = PageRequest.of(2, last, 10).page(List.of(), 5);
		assertThat(fetched.edges()).isEmpty();
		assertThat(fetched.pageInfo().hasNextPage()).isFalse();
	}

	@Test
	void outOfRangeSizesAndForeignCursorsAreRefused() {
		assertThatExceptionOfType(InvalidArgument.class).isThrownBy(() -> PageRequest.of(-1, null, 10));
		assertThatExceptionOfType(InvalidArgument.class).isThrownBy(() -> PageRequest.of(11, null, 10));
		assertThatExceptionOfType(InvalidArgument.class).isThrownBy(() -> PageRequest.of(1, "%%%", 10));
		assertThatExceptionOfType(InvalidArgument.class).isThrownBy(() -> PageRequest.of(1, "YWJj", 10));
		assertThatExceptionOfType(InvalidArgument.class)
			.isThrownBy(() -> PageRequest.of(1, PageRequest.encode(-5), 10));
	}

}
