package dev.provenant.impact;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAnswersTests {

	private final AtomicInteger loads = new AtomicInteger();

	private String load(String key) {
		this.loads.incrementAndGet();
		return key.equals("none") ? null : key.repeat(2);
	}

	@Test
	void anAnswerIsComputedOnceWhileKept() {
		RecentAnswers<String, String> answers = new RecentAnswers<>(100, String::length);
		assertThat(answers.get("a", this::load)).isEqualTo("aa");
		assertThat(answers.get("a", this::load)).isEqualTo("aa");
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void theLeastRecentlyUsedGoFirstAndTheNewestStaysHoweverHeavy() {
		RecentAnswers<String, String> answers = new RecentAnswers<>(4, String::length);
		answers.get("a", this::load);
		answers.get("b", this::load);
		answers.get("a", this::load);
		answers.get("c", this::load);
		this.loads.set(0);
		answers.get("a", this::load);
		answers.get("c", this::load);
		assertThat(this.loads).hasValue(0);
		answers.get("b", this::load);
		assertThat(this.loads).hasValue(1);
		answers.get("heavy", this::load);
		answers.get("heavy", this::load);
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void nothingIsKeptForNullOrWithoutRoom() {
		RecentAnswers<String, String> answers = new RecentAnswers<>(100, String::length);
		answers.get("none", this::load);
		answers.get("none", this::load);
		assertThat(this.loads).hasValue(2);
		RecentAnswers<String, String> none = new RecentAnswers<>(0, String::length);
		none.get("a", this::load);
		none.get("a", this::load);
		assertThat(this.loads).hasValue(4);
	}

}
