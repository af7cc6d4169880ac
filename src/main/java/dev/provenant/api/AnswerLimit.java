package dev.provenant.api;

import dev.provenant.memory.HeapHeadroom;

import org.springframework.stereotype.Component;

/**
 * Refuses an answer before it is built when its estimated bytes pass
 * {@code provenant.api.max-answer-bytes}, or half the heap the last collections left
 * free: building an answer takes about twice its size for a moment (it is sorted into a
 * copy).
 */
@Component
public class AnswerLimit {

	private final long maxBytes;

	AnswerLimit(ApiProperties api) {
		this.maxBytes = api.maxAnswerBytes().toBytes();
	}

	/**
	 * @param question what is being answered, as the error names it
	 * @param items the decisions, actions or steps the answer would hold
	 * @param bytes their estimated weight
	 * @throws AnswerTooLarge when they do not fit
	 */
	public void check(String question, long items, long bytes) {
		long allowed = Math.min(this.maxBytes, HeapHeadroom.bytes() / 2);
		if (bytes > allowed) {
			throw new AnswerTooLarge(question, items, bytes, allowed);
		}
	}

}
