package dev.provenant.signing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingKeyFile the Ed25519 private key (PKCS#8 PEM) that signs PROV exports;
 * generated there on first start when missing, so that signatures verify across restarts
 */
@ConfigurationProperties("provenant.prov")
public record ProvProperties(@DefaultValue("./data/prov-signing-key.pem") Path signingKeyFile) {
}
