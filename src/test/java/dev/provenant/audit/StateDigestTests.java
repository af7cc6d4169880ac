package dev.provenant.audit;

import java.util.List;

import dev.provenant.graph.Sha256;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The state digest is a multiset hash: order-free, additions undone by removals. */
class StateDigestTests {

	private static final String A = Sha256.hex("a");

	private static final String B = Sha256.hex("b");

	@Test
	void theOrderOfFactsDoesNotMatter() {
		StateDigest ab = StateDigest.empty();
		ab.add(A);
		ab.add(B);
		StateDigest ba = StateDigest.empty();
		ba.add(B);
		ba.add(A);
		assertThat(ab).isEqualTo(ba);
		assertThat(ab.hash()).isEqualTo(ba.hash());
	}

	@Test
	void removingAFactUndoesAddingIt() {
		StateDigest digest = StateDigest.empty();
		digest.add(A);
		digest.add(B);
		digest.remove(A);
		StateDigest onlyB = StateDigest.empty();
		onlyB.add(B);
		assertThat(digest).isEqualTo(onlyB);
	}

	@Test
	void aFactTwiceIsNotTheFactOnceNorNone() {
		StateDigest once = StateDigest.empty();
		once.add(A);
		StateDigest twice = once.copy();
		twice.add(A);
		assertThat(twice).isNotEqualTo(once).isNotEqualTo(StateDigest.empty());
	}

	@Test
	void differentFactsGiveDifferentDigests() {
		StateDigest a = StateDigest.empty();
		a.add(A);
		StateDigest b = StateDigest.empty();
		b.add(B);
		assertThat(a.hash()).isNotEqualTo(b.hash());
	}

	@Test
	void theDigestSurvivesItsBytes() {
		StateDigest digest = StateDigest.empty();
		List.of(A, B, Sha256.hex("c")).forEach(digest::add);
		assertThat(StateDigest.of(digest.bytes())).isEqualTo(digest);
		assertThat(digest.bytes()).hasSize(StateDigest.BYTES);
	}

}
