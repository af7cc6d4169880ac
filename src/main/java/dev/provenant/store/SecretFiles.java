package dev.provenant.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that hold secrets (the Bolt password, generated keys) readable by the
 * service's own user only. The file is created with owner-only permissions before a byte
 * is written, then moved into place, so no other user can read it even for a moment and a
 * crash never leaves half a secret behind.
 */
public final class SecretFiles {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private SecretFiles() {
	}

	public static void write(Path file, String content) {
		Path target = file.toAbsolutePath();
		try {
			Files.createDirectories(target.getParent());
			Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
					ownerOnly(target));
			try {
				Files.writeString(temporary, content, StandardCharsets.UTF_8);
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + target, ex);
		}
	}

	/**
	 * Narrows an existing secret file to its owner, e.g. one copied in with a looser
	 * mode.
	 * @return whether the file had to be narrowed
	 */
	public static boolean restrict(Path file) {
		if (!posix(file)) {
			return false;
		}
		try {
			if (Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
				return false;
			}
			Files.setPosixFilePermissions(file, OWNER_ONLY);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot restrict the permissions of " + file, ex);
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path file) {
		return posix(file) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) }
				: new FileAttribute<?>[0];
	}

	private static boolean posix(Path file) {
		return file.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
