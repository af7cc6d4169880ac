package dev.provenant.audit;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.provenant.graph.Sha256;

/**
 * A digest of a multiset of facts that a write updates from what it changed alone: LtHash
 * with 1,024 lanes of 16 bits (Lewi et al., "Securing Update Propagation with Homomorphic
 * Hashing", 2019). Each fact digest is expanded to 2,048 bytes (the ChaCha20 keystream
 * keyed with it) and added lane-wise modulo 2^16; removing a fact subtracts the same. The
 * sum does not depend on the order facts were added in, so the digest kept at the head
 * can be recomputed from the store in one pass in constant memory. Not thread-safe.
 */
final class StateDigest {

	static final int BYTES = 2048;

	private static final int LANES = BYTES / 2;

	private static final byte[] NONCE = new byte[12];

	private final short[] lanes;

	private StateDigest(short[] lanes) {
		this.lanes = lanes;
	}

	/** The digest of no facts. */
	static StateDigest empty() {
		return new StateDigest(new short[LANES]);
	}

	/** A digest kept as bytes, e.g. on the audit head. */
	static StateDigest of(byte[] bytes) {
		if (bytes == null || bytes.length != BYTES) {
			throw new IllegalArgumentException("A state digest is " + BYTES + " bytes");
		}
		short[] lanes = new short[LANES];
		for (int i = 0; i < LANES; i++) {
			lanes[i] = (short) (((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF));
		}
		return new StateDigest(lanes);
	}

	StateDigest copy() {
		return new StateDigest(this.lanes.clone());
	}

	/** Adds a fact, given as the hex SHA-256 of its canonical form. */
	void add(String factDigest) {
		combine(factDigest, 1);
	}

	/** Removes a fact added before. */
	void remove(String factDigest) {
		combine(factDigest, -1);
	}

	/** Adds every fact of another digest (a partial sum computed elsewhere). */
	void addAll(StateDigest other) {
		for (int i = 0; i < LANES; i++) {
			this.lanes[i] += other.lanes[i];
		}
	}

	private void combine(String factDigest, int sign) {
		byte[] expanded = expand(HexFormat.of().parseHex(factDigest));
		for (int i = 0; i < LANES; i++) {
			int lane = ((expanded[2 * i] & 0xFF) << 8) | (expanded[2 * i + 1] & 0xFF);
			this.lanes[i] += (short) (sign * lane);
		}
	}

	private static byte[] expand(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("A fact digest is 32 bytes");
		}
		try {
			// Decrypting zeros yields the keystream. A new cipher each time: the JDK's
			// refuses to be initialised twice in a row with the same key and nonce, which
			// the same fact twice would be.
			Cipher cipher = Cipher.getInstance("ChaCha20");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(NONCE, 0));
			return cipher.doFinal(new byte[BYTES]);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("ChaCha20 failed", ex);
		}
	}

	byte[] bytes() {
		byte[] bytes = new byte[BYTES];
		for (int i = 0; i < LANES; i++) {
			bytes[2 * i] = (byte) (this.lanes[i] >> 8);
			bytes[2 * i + 1] = (byte) this.lanes[i];
		}
		return bytes;
	}

	/** What events keep and checkpoints sign: the SHA-256 (hex) of the 2 KB digest. */
	String hash() {
		return Sha256.hex(bytes());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StateDigest digest && Arrays.equals(this.lanes, digest.lanes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.lanes);
	}

}
