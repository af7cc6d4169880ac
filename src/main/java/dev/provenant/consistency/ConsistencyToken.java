package dev.provenant.consistency;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.provenant.signing.ServiceKey;
import org.neo4j.driver.Bookmark;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client has seen: the audit sequence of the last write it was answered after, and
 * the database's bookmarks for it (on a cluster, what a member must have applied). Sent
 * as a compact JWS signed with the service key that every instance shares, so an instance
 * only ever waits for a state the service itself reported, never for one a caller made
 * up.
 *
 * @param sequence the audit sequence to reach
 * @param bookmarks the database's bookmarks
 */
public record ConsistencyToken(long sequence, Set<Bookmark> bookmarks) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The most bookmarks a token carries (one per database, in practice). */
	private static final int MAX_BOOKMARKS = 16;

	/** Tells a token from the other things the service key signs (audit checkpoints). */
	private static final String TYPE = "provenant-consistency";

	/** A token and the signed text it was issued as. */
	record Issued(ConsistencyToken token, String text) {
	}

	String encode(ServiceKey key) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("typ", TYPE);
		claims.put("seq", this.sequence);
		claims.put("bm", this.bookmarks.stream().map(Bookmark::value).sorted().toList());
		return key.sign(JSON.writeValueAsBytes(claims));
	}

	/** The token, if {@code text} is one this service signed; empty otherwise. */
	static Optional<ConsistencyToken> decode(String text, ServiceKey key) {
		if (text == null || text.length() > 8192) {
			return Optional.empty();
		}
		Optional<byte[]> payload;
		try {
			payload = key.verify(text.strip());
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
		if (payload.isEmpty()) {
			return Optional.empty();
		}
		try {
			JsonNode claims = JSON.readTree(new String(payload.get(), StandardCharsets.UTF_8));
			if (!TYPE.equals(claims.path("typ").asString(""))) {
				return Optional.empty();
			}
			JsonNode sequence = claims.get("seq");
			JsonNode bookmarks = claims.get("bm");
			if (sequence == null || !sequence.canConvertToLong() || sequence.asLong() < 0 || bookmarks == null
					|| !bookmarks.isArray() || bookmarks.size() > MAX_BOOKMARKS) {
				return Optional.empty();
			}
			Set<Bookmark> values = new HashSet<>();
			for (JsonNode bookmark : bookmarks) {
				values.add(Bookmark.from(bookmark.asString()));
			}
			return Optional.of(new ConsistencyToken(sequence.asLong(), Set.copyOf(values)));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}
