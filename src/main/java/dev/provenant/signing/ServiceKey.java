package dev.provenant.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.store.SecretFiles;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Signs exports with the service's Ed25519 key: a detached compact JWS (RFC 7515 appendix
 * F) over the unencoded payload (RFC 7797, {@code "b64": false}), so the signature covers
 * exactly the bytes served. The public half is published as a JWK set whose key id is the
 * RFC 7638 thumbprint.
 */
@Component
@EnableConfigurationProperties(ProvProperties.class)
public class ServiceKey {

	private static final Logger log = LoggerFactory.getLogger(ServiceKey.class);

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows. */
	private static final byte[] PUBLIC_KEY_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	/**
	 * The private key as Bouncy Castle's Ed25519 takes it: signatures are the same bytes
	 * as the JDK's (Ed25519 is deterministic), made in a tenth of the time.
	 */
	private final Ed25519PrivateKeyParameters privateKey;

	private final String keyId;

	/**
	 * Every key whose signatures verify, by key id: this one first, then earlier ones.
	 */
	private final Map<String, PublicKey> verifying = new LinkedHashMap<>();

	/** The keys of {@link #verifying}, as Bouncy Castle's Ed25519 takes them. */
	private final Map<String, Ed25519PublicKeyParameters> verifiers = new LinkedHashMap<>();

	public ServiceKey(ProvProperties properties) {
		KeyPair pair = (properties.signingKey() != null && !properties.signingKey().isBlank())
				? fromText(properties.signingKey()) : loadOrCreate(properties.signingKeyFile());
		this.privateKey = new Ed25519PrivateKeyParameters(((EdECPrivateKey) pair.getPrivate()).getBytes()
			.orElseThrow(() -> new IllegalStateException("The Ed25519 private key has no seed")));
		this.keyId = keyIdOf(pair.getPublic());
		this.verifying.put(this.keyId, pair.getPublic());
		for (int i = 0; i < properties.verificationKeys().size(); i++) {
			PublicKey earlier = publicKeyOf(properties.verificationKeys().get(i), i);
			this.verifying.putIfAbsent(keyIdOf(earlier), earlier);
		}
		this.verifying.forEach((kid, key) -> this.verifiers.put(kid, new Ed25519PublicKeyParameters(raw(key))));
		if (this.verifying.size() > 1) {
			log.info("Signing with key {}; signatures of {} earlier key(s) still verify", this.keyId,
					this.verifying.size() - 1);
		}
	}

	/** The RFC 7638 thumbprint of an Ed25519 public key. */
	private static String keyIdOf(PublicKey key) {
		String x = BASE64URL.encodeToString(raw(key));
		return BASE64URL.encodeToString(sha256("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}"));
	}

	private static KeyPair fromText(String pem) {
		try {
			PrivateKey privateKey = privateKeyOf(pem);
			log.info("PROV exports are signed with the Ed25519 key given in provenant.prov.signing-key");
			return new KeyPair(publicOf((EdECPrivateKey) privateKey), privateKey);
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalStateException("provenant.prov.signing-key is not an Ed25519 PKCS#8 PEM key", ex);
		}
	}

	private static PrivateKey privateKeyOf(String pem) throws GeneralSecurityException {
		byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
		return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
	}

	private static PublicKey publicKeyOf(String pem, int index) {
		try {
			byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", ""));
			PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
			raw(key);
			return key;
		}
		catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException ex) {
			throw new IllegalStateException("provenant.prov.verification-keys[" + index
					+ "] is not an Ed25519 public key in PEM (openssl pkey -in old-key.pem -pubout)", ex);
		}
	}

	public String keyId() {
		return this.keyId;
	}

	/**
	 * {@code BASE64URL(header) + ".." + BASE64URL(signature)} over {@code payload} as is.
	 */
	public String signDetached(byte[] payload) {
		String header = BASE64URL
			.encodeToString(("{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"" + this.keyId + "\"}")
				.getBytes(StandardCharsets.UTF_8));
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, this.privateKey);
		byte[] prefix = (header + ".").getBytes(StandardCharsets.US_ASCII);
		signer.update(prefix, 0, prefix.length);
		signer.update(payload, 0, payload.length);
		return header + ".." + BASE64URL.encodeToString(signer.generateSignature());
	}

	/**
	 * A compact JWS (RFC 7515) carrying {@code payload}: what the audit log's checkpoints
	 * are, so one string holds both the statement and its proof.
	 */
	public String sign(byte[] payload) {
		String header = BASE64URL
			.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + this.keyId + "\"}").getBytes(StandardCharsets.UTF_8));
		String signingInput = header + "." + BASE64URL.encodeToString(payload);
		return signingInput + "." + BASE64URL.encodeToString(signature(signingInput));
	}

	/**
	 * The payload of a compact JWS this key signed, or empty when it is malformed, names
	 * another key or algorithm, or its signature does not verify.
	 */
	public java.util.Optional<byte[]> verify(String jws) {
		String[] parts = (jws != null) ? jws.split("\\.", -1) : new String[0];
		if (parts.length != 3) {
			return java.util.Optional.empty();
		}
		try {
			Base64.Decoder decoder = Base64.getUrlDecoder();
			String header = new String(decoder.decode(parts[0]), StandardCharsets.UTF_8);
			Ed25519PublicKeyParameters key = null;
			for (Map.Entry<String, Ed25519PublicKeyParameters> known : this.verifiers.entrySet()) {
				if (header.equals("{\"alg\":\"EdDSA\",\"kid\":\"" + known.getKey() + "\"}")) {
					key = known.getValue();
				}
			}
			if (key == null) {
				return java.util.Optional.empty();
			}
			byte[] signature = decoder.decode(parts[2]);
			if (signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
				return java.util.Optional.empty();
			}
			Ed25519Signer verifier = new Ed25519Signer();
			verifier.init(false, key);
			byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
			verifier.update(signed, 0, signed.length);
			if (!verifier.verifySignature(signature)) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(decoder.decode(parts[1]));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

	private byte[] signature(String signingInput) {
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, this.privateKey);
		byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
		signer.update(input, 0, input.length);
		return signer.generateSignature();
	}

	/**
	 * The public keys as a JWK set (RFC 7517, RFC 8037): the signing key first, then the
	 * earlier ones still accepted.
	 */
	public Map<String, Object> jwks() {
		List<Map<String, Object>> keys = new ArrayList<>();
		this.verifying.forEach((kid, key) -> keys.add(Map.of("kty", "OKP", "crv", "Ed25519", "x",
				BASE64URL.encodeToString(raw(key)), "kid", kid, "alg", "EdDSA", "use", "sig")));
		return Map.of("keys", List.copyOf(keys));
	}

	private static KeyPair loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				PrivateKey privateKey = privateKeyOf(Files.readString(file));
				log.info("PROV exports are signed with the Ed25519 key in {}", file.toAbsolutePath());
				return new KeyPair(publicOf((EdECPrivateKey) privateKey), privateKey);
			}
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			SecretFiles.write(file, "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(pair.getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n");
			log.info("Generated an Ed25519 key for signing PROV exports in {}; its public half is served at "
					+ "/.well-known/jwks.json", file.toAbsolutePath());
			return pair;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The PROV signing key " + file + " could not be read or written", ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The PROV signing key " + file + " is not an Ed25519 PKCS#8 PEM key", ex);
		}
	}

	/**
	 * The public half of a stored private key: the JDK derives it when generating a pair
	 * from the key's 32-byte seed, which is what its generator draws from the random
	 * source.
	 */
	private static PublicKey publicOf(EdECPrivateKey privateKey) throws GeneralSecurityException {
		byte[] seed = privateKey.getBytes().orElseThrow();
		KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
		generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
		return generator.generateKeyPair().getPublic();
	}

	private static byte[] raw(PublicKey key) {
		byte[] der = key.getEncoded();
		if (der.length != 44 || !Arrays.equals(der, 0, 12, PUBLIC_KEY_PREFIX, 0, 12)) {
			throw new IllegalStateException("Not an Ed25519 public key");
		}
		return Arrays.copyOfRange(der, 12, 44);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Hands the key generator the stored seed, so it derives that key's public half. */
	private static final class FixedRandom extends java.security.SecureRandom {

		private static final long serialVersionUID = 1L;

		private final byte[] seed;

		FixedRandom(byte[] seed) {
			this.seed = seed;
		}

		@Override
		public void nextBytes(byte[] bytes) {
			System.arraycopy(this.seed, 0, bytes, 0, bytes.length);
		}

	}

}
