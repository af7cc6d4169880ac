package dev.provenant.audit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.provenant.signing.ServiceKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Signs the head as it moves and reads signed checkpoints back. The key lives in the data
 * directory, not in the store, so whoever can only write the store cannot sign a
 * rewritten log.
 */
@Component
class Checkpoints {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ServiceKey key;

	Checkpoints(ServiceKey key) {
		this.key = key;
	}

	Checkpoint sign(long sequence, String hash, String stateDigest, OffsetDateTime at) {
		String signature = this.key.sign(payload(sequence, hash, stateDigest, at).getBytes(StandardCharsets.UTF_8));
		return new Checkpoint(sequence, hash, stateDigest, at, signature);
	}

	/**
	 * The checkpoint a signature carries, if this service's key made it and its payload
	 * is a checkpoint.
	 */
	Optional<Checkpoint> read(String signature) {
		return this.key.verify(signature).flatMap(payload -> {
			try {
				JsonNode json = JSON.readTree(payload);
				long sequence = json.get("sequence").asLong();
				String hash = json.get("hash").asString();
				String stateDigest = json.get("stateDigest").asString();
				OffsetDateTime at = OffsetDateTime.parse(json.get("at").asString());
				if (!payload(sequence, hash, stateDigest, at).equals(new String(payload, StandardCharsets.UTF_8))) {
					return Optional.empty();
				}
				return Optional.of(new Checkpoint(sequence, hash, stateDigest, at, signature));
			}
			catch (RuntimeException ex) {
				return Optional.empty();
			}
		});
	}

	private static String payload(long sequence, String hash, String stateDigest, OffsetDateTime at) {
		Map<String, Object> form = new TreeMap<>();
		form.put("sequence", sequence);
		form.put("hash", hash);
		form.put("stateDigest", stateDigest);
		form.put("at", at.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString());
		return CanonicalJson.write(form);
	}

}
