package dev.provenant.otlp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/**
 * The two encodings OTLP/HTTP carries, each answered in kind: binary protobuf and the
 * protobuf JSON mapping (with hex ids and integer enums, as the OTLP specification has
 * it).
 */
enum OtlpEncoding {

	PROTOBUF("application/x-protobuf"), JSON("application/json");

	private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

	private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

	final String mediaType;

	OtlpEncoding(String mediaType) {
		this.mediaType = mediaType;
	}

	/**
	 * The encoding a Content-Type names (parameters such as charset ignored), if OTLP's.
	 */
	static Optional<OtlpEncoding> of(String contentType) {
		if (contentType == null) {
			return Optional.empty();
		}
		String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		for (OtlpEncoding encoding : values()) {
			if (encoding.mediaType.equals(type)) {
				return Optional.of(encoding);
			}
		}
		return Optional.empty();
	}

	/** The request decoded; {@link InvalidOtlp} when the body is not one. */
	ExportTraceServiceRequest decode(byte[] body) {
		try {
			if (this == PROTOBUF) {
				return ExportTraceServiceRequest.parseFrom(body);
			}
			ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
			PARSER.merge(OtlpJsonIds.toBase64(new String(body, StandardCharsets.UTF_8)), request);
			return request.build();
		}
		catch (InvalidProtocolBufferException ex) {
			throw new InvalidOtlp("The body is not an OTLP ExportTraceServiceRequest in " + this.mediaType + ": "
					+ firstLine(ex.getMessage()));
		}
	}

	/** A message in this encoding. */
	byte[] encode(Message message) {
		if (this == PROTOBUF) {
			return message.toByteArray();
		}
		try {
			return OtlpJsonIds.toHex(PRINTER.print(message)).getBytes(StandardCharsets.UTF_8);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Cannot print " + message.getDescriptorForType().getName(), ex);
		}
	}

	/**
	 * A {@code google.rpc.Status} (the body of every OTLP error answer) with only its
	 * message, which the specification asks for; its code is not used. Written by hand:
	 * two fields do not warrant the common-protos library.
	 */
	byte[] status(String message) {
		if (this == JSON) {
			return ("{\"message\":" + jsonString(message) + "}").getBytes(StandardCharsets.UTF_8);
		}
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			CodedOutputStream out = CodedOutputStream.newInstance(bytes);
			out.writeString(2, message);
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String jsonString(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	private static String firstLine(String message) {
		return (message == null) ? "unreadable" : message.lines().findFirst().orElse("unreadable");
	}

}
