package dev.provenant.memory;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryModelTests {

	private static final long MIB = 1L << 20;

	/** The caches' defaults at a heap of this size. */
	private static CacheBounds defaultsAt(long heap) {
		return new CacheBounds(DataSize.ofBytes(heap / 8), DataSize.ofBytes(heap / 16), DataSize.ofBytes(heap / 64),
				DataSize.ofMegabytes(4), DataSize.ofMegabytes(8), DataSize.ofBytes(heap / 64));
	}

	@Test
	void anEmptyStoreNeedsTheBaseTheCachesAndTheHeadroom() {
		long heap = 512 * MIB;
		MemoryModel model = MemoryModel.of(0, 0, defaultsAt(heap), heap);
		assertThat(model.indexBytes()).isZero();
		assertThat(model.cacheBytes()).isEqualTo(heap / 8 + heap / 16 + heap / 64 + heap / 64 + 8 * MIB);
		assertThat(model.neededBytes()).isEqualTo(MemoryModel.BASE_BYTES + model.cacheBytes() + heap / 4);
		assertThat(model.fits()).isTrue();
	}

	@Test
	void theIndexGrowsWithNodesAndEdges() {
		long heap = 512 * MIB;
		MemoryModel model = MemoryModel.of(1_000_000, 5_200_000, defaultsAt(heap), heap);
		// 119 bytes per node measured at the benchmark's shape (DependencyGraphTests):
		// the
		// model stays above it
		assertThat(model.indexBytes()).isEqualTo(1_000_000L * 70 + 5_200_000L * 12);
		assertThat(model.indexBytes() / 1_000_000).isBetween(119L, 140L);
		assertThat(model.fits()).isTrue();
		assertThat(MemoryModel.of(2_000_000, 10_400_000, defaultsAt(heap), heap).fits()).isFalse();
	}

	@Test
	void theRecommendedHeapFitsTheStoreAndATenthLessDoesNot() {
		long small = 512 * MIB;
		MemoryModel tooSmall = MemoryModel.of(3_000_000, 15_000_000, defaultsAt(small), small);
		long recommended = tooSmall.recommendedHeap();
		assertThat(recommended).isGreaterThan(small);
		assertThat(MemoryModel.of(3_000_000, 15_000_000, defaultsAt(recommended), recommended).fits()).isTrue();
		long below = recommended / 10 * 9;
		assertThat(MemoryModel.of(3_000_000, 15_000_000, defaultsAt(below), below).fits()).isFalse();
	}

	@Test
	void cachesSetInBytesDoNotGrowWithTheRecommendedHeap() {
		long heap = 512 * MIB;
		CacheBounds large = new CacheBounds(DataSize.ofGigabytes(4), DataSize.ofBytes(heap / 16),
				DataSize.ofBytes(heap / 64), DataSize.ofMegabytes(4), DataSize.ofMegabytes(8),
				DataSize.ofBytes(heap / 64));
		MemoryModel model = MemoryModel.of(0, 0, large, heap);
		assertThat(model.cacheFixedBytes()).isEqualTo(4096 * MIB + 8 * MIB);
		assertThat(model.cacheShare()).isEqualTo(1.0 / 16 + 1.0 / 64 + 1.0 / 64);
		assertThat(model.fits()).isFalse();
		// 128 MiB base and 4104 MiB of caches, over what headroom and the shares leave
		assertThat(model.recommendedHeap()).isEqualTo((long) Math.ceil((128 + 4104) * MIB / (0.75 - 0.09375)));
	}

	@Test
	void theDescriptionNamesEveryPartInMib() {
		long heap = 1024 * MIB;
		assertThat(MemoryModel.of(0, 0, defaultsAt(heap), heap).describe())
			.isEqualTo("the store needs about 616 MiB of heap (base 128 MiB, dependency index 0 MiB, caches 232 MiB, "
					+ "headroom 256 MiB); the maximum heap is 1024 MiB");
	}

}
