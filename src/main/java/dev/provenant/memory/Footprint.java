package dev.provenant.memory;

/**
 * Estimated heap bytes of the objects answers are made of, on a 64-bit JVM with
 * compressed references (the default for heaps under 32 GB): a 12-byte object header,
 * 4-byte references, everything aligned to 8 bytes. Estimates err on the heavy side:
 * strings are counted even where an answer shares them with the dependency index.
 * {@code FootprintTests} compares them with what the JVM allocates.
 */
public final class Footprint {

	/** Object header: mark word and compressed class pointer. */
	public static final int HEADER = 12;

	/** A compressed reference: a field or an array slot. */
	public static final int REFERENCE = 4;

	/** An array's header: the object header and the length. */
	public static final int ARRAY_HEADER = 16;

	/** A {@code java.time.Instant}: header, seconds (long) and nanos (int). */
	public static final long INSTANT = object(8 + 4);

	/** A {@code java.time.OffsetDateTime} and the LocalDateTime, date and time in it. */
	public static final long OFFSET_DATE_TIME = object(2 * REFERENCE) + object(2 * REFERENCE) + object(4 + 2 + 2)
			+ object(4 + 4);

	/** An {@code ArrayList} without its array. */
	public static final long ARRAY_LIST = object(REFERENCE + 4 + 4);

	private Footprint() {
	}

	/** An object whose fields take {@code fieldBytes}, header included, aligned. */
	public static long object(long fieldBytes) {
		return align(HEADER + fieldBytes);
	}

	/** An array of {@code length} references. */
	public static long references(long length) {
		return align(ARRAY_HEADER + REFERENCE * length);
	}

	/** An array of {@code length} bytes. */
	public static long bytes(long length) {
		return align(ARRAY_HEADER + length);
	}

	/**
	 * A string of this many characters: the String object (hash, coder, value) and its
	 * byte array, one byte a character as for the ASCII ids Provenant keeps (two for
	 * other text).
	 */
	public static long string(int length, boolean latin1) {
		return object(REFERENCE + 4 + 1 + 1) + bytes(latin1 ? length : 2L * length);
	}

	/** A string, or nothing for null. */
	public static long string(String text) {
		return (text != null) ? string(text.length(), isLatin1(text)) : 0;
	}

	/** An immutable list of {@code size} elements, without the elements. */
	public static long list(int size) {
		return object(REFERENCE + 1) + references(size);
	}

	/**
	 * A JSON-ready value (strings, numbers, booleans, date-times, lists and maps of
	 * them), as event details are: a hash map's entry and table slot per key, a list's
	 * slot per element, 16 bytes for a boxed number or anything else.
	 */
	public static long of(Object value) {
		if (value == null) {
			return 0;
		}
		if (value instanceof String text) {
			return string(text);
		}
		if (value instanceof java.time.OffsetDateTime) {
			return OFFSET_DATE_TIME;
		}
		if (value instanceof java.util.Map<?, ?> map) {
			long bytes = object(3 * REFERENCE + 3 * 4) + references(2L * map.size());
			for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
				bytes += object(3 * REFERENCE + 4) + of(entry.getKey()) + of(entry.getValue());
			}
			return bytes;
		}
		if (value instanceof java.util.Collection<?> items) {
			long bytes = list(items.size());
			for (Object item : items) {
				bytes += of(item);
			}
			return bytes;
		}
		return 16;
	}

	private static boolean isLatin1(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 0xFF) {
				return false;
			}
		}
		return true;
	}

	private static long align(long bytes) {
		return (bytes + 7) & ~7L;
	}

}
