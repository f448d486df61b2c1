package org.cityops.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads an uploaded file into memory without trusting its size: at most {@code limit}
 * bytes are read, so a huge or endless body costs the server nothing beyond the limit.
 */
public final class BoundedBody {

	private BoundedBody() {
	}

	/**
	 * The body, or null when it is larger than the limit (by its Content-Length or by
	 * what was actually sent).
	 */
	public static byte[] read(HttpServletRequest request, long limit) {
		if (request.getContentLengthLong() > limit) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			int n;
			while ((n = in.read(buffer)) != -1) {
				total += n;
				if (total > limit) {
					return null;
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The upload was interrupted", ex);
		}
	}

}
