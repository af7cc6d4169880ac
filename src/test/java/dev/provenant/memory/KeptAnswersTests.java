package dev.provenant.memory;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeptAnswersTests {

	private final AtomicInteger loads = new AtomicInteger();

	private String load(String key) {
		this.loads.incrementAndGet();
		return key.equals("none") ? null : key.repeat(2);
	}

	@Test
	void anAnswerIsComputedOnceWhileKept() {
		KeptAnswers<String, String> answers = new KeptAnswers<>(100, String::length);
		assertThat(answers.get("a", this::load)).isEqualTo("aa");
		assertThat(answers.get("a", this::load)).isEqualTo("aa");
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void theNewestAnswerIsKeptHoweverHeavyWhileItFitsTheBoundAlone() {
		KeptAnswers<String, String> answers = new KeptAnswers<>(10, String::length);
		for (String key : new String[] { "a", "b", "c" }) {
			answers.get(key, this::load);
		}
		// Ten bytes: the bound itself, so everything else must go.
		answers.get("heavy", this::load);
		this.loads.set(0);
		answers.get("heavy", this::load);
		assertThat(this.loads).hasValue(0);
		assertThat(answers.weight()).isEqualTo(10);
		assertThat(answers.size()).isEqualTo(1);
	}

	@Test
	void theWeightNeverPassesTheBound() {
		KeptAnswers<String, String> answers = new KeptAnswers<>(1000, String::length);
		for (int i = 0; i < 5000; i++) {
			answers.get("k" + (i % 700) + "-".repeat(i % 37), this::load);
			assertThat(answers.weight()).isLessThanOrEqualTo(1000);
		}
	}

	@Test
	void anAnswerHeavierThanTheBoundIsNotKeptAndTheNewestStays() {
		KeptAnswers<String, String> answers = new KeptAnswers<>(8, String::length);
		answers.get("ab", this::load);
		answers.get("heavier", this::load);
		answers.get("heavier", this::load);
		assertThat(this.loads).hasValue(3);
		this.loads.set(0);
		answers.get("ab", this::load);
		assertThat(this.loads).hasValue(0);
		assertThat(answers.weight()).isEqualTo(4);
	}

	/**
	 * Keys "generation:question": once an answer of generation 2 is kept, those of 1 go,
	 * and a late answer of 1 is not kept.
	 */
	@Test
	void answersOfAnOlderGenerationGoOnceANewerOneIsKept() {
		KeptAnswers<String, String> answers = new KeptAnswers<>(1000, String::length,
				key -> Long.parseLong(key.substring(0, key.indexOf(':'))));
		answers.get("1:a", this::load);
		answers.get("1:b", this::load);
		answers.get("1:c", this::load);
		assertThat(answers.size()).isEqualTo(3);
		answers.get("2:a", this::load);
		assertThat(answers.size()).isEqualTo(1);
		assertThat(answers.weight()).isEqualTo("2:a2:a".length());
		this.loads.set(0);
		answers.get("1:b", this::load);
		answers.get("1:b", this::load);
		assertThat(this.loads).as("an older generation's answer computed again, not kept").hasValue(2);
		answers.get("2:b", this::load);
		answers.get("2:a", this::load);
		assertThat(this.loads).hasValue(3);
		assertThat(answers.size()).isEqualTo(2);
		answers.get("3:" + "x".repeat(600), this::load);
		assertThat(answers.size()).as("an answer too heavy to keep still ends the older generation").isZero();
		assertThat(answers.weight()).isZero();
	}

	@Test
	void nothingIsKeptForNullOrWithoutRoom() {
		KeptAnswers<String, String> answers = new KeptAnswers<>(100, String::length);
		answers.get("none", this::load);
		answers.get("none", this::load);
		assertThat(this.loads).hasValue(2);
		KeptAnswers<String, String> none = new KeptAnswers<>(0, String::length);
		none.get("a", this::load);
		none.get("a", this::load);
		assertThat(this.loads).hasValue(4);
		assertThat(none.weight()).isZero();
	}

}
