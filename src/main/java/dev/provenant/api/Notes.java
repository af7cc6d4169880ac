package dev.provenant.api;

import java.util.Objects;

/**
 * The optional note of quarantine, release and rollback marks, which clients written
 * before it was called {@code note} send as {@code by}.
 */
public final class Notes {

	private Notes() {
	}

	/**
	 * The note given as {@code note} or as the deprecated {@code by}; both at once only
	 * if they say the same.
	 * @throws InvalidArgument when both are given and differ
	 */
	public static String either(String note, String by) {
		if (note != null && by != null && !Objects.equals(note, by)) {
			throw new InvalidArgument("by", "'by' is the former name of 'note'; give the note once, as 'note'");
		}
		return (note != null) ? note : by;
	}

}
