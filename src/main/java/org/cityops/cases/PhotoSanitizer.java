package org.cityops.cases;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises JPEG, PNG and WebP by their content (never by file name or declared type)
 * and removes the metadata that can carry a location or a device: JPEG APP1 (EXIF, XMP),
 * APP13 (IPTC) and comments; PNG eXIf and text chunks; WebP EXIF and XMP chunks. The
 * picture itself is untouched.
 */
final class PhotoSanitizer {

	record Clean(String contentType, byte[] bytes) {
	}

	private PhotoSanitizer() {
	}

	/** The largest picture taken, in pixels (a 100-megapixel camera). */
	static final long MAX_PIXELS = 100_000_000L;

	static Clean clean(byte[] data) {
		Clean clean;
		if (isJpeg(data)) {
			clean = new Clean("image/jpeg", jpeg(data));
		}
		else if (isPng(data)) {
			clean = new Clean("image/png", png(data));
		}
		else if (isWebp(data)) {
			clean = new Clean("image/webp", webp(data));
		}
		else {
			throw CaseProblem.invalid("The file is not a JPEG, PNG or WebP picture (checked by its content)");
		}
		requireDecodes(clean);
		return clean;
	}

	/**
	 * Reads the picture through ImageIO (the JDK's JPEG and PNG readers, TwelveMonkeys'
	 * WebP reader), subsampled so that a large photo costs little: what does not decode
	 * as the picture it claims to be is refused.
	 */
	private static void requireDecodes(Clean clean) {
		java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO
			.getImageReadersByMIMEType(clean.contentType());
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + clean.contentType());
		}
		javax.imageio.ImageReader reader = readers.next();
		try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO
			.createImageInputStream(new java.io.ByteArrayInputStream(clean.bytes()))) {
			reader.setInput(in, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
				throw CaseProblem.invalid("The picture is " + width + " × " + height + " pixels; at most "
						+ MAX_PIXELS / 1_000_000 + " megapixels");
			}
			javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(Math.max(1, width / 256), Math.max(1, height / 256), 0, 0);
			reader.read(0, param);
		}
		catch (java.io.IOException | RuntimeException ex) {
			if (ex instanceof CaseProblem problem) {
				throw problem;
			}
			throw CaseProblem.invalid("The " + clean.contentType().substring(6).toUpperCase(java.util.Locale.ROOT)
					+ " file does not decode as a picture (damaged or cut short)");
		}
		finally {
			reader.dispose();
		}
	}

	static boolean isJpeg(byte[] d) {
		return d.length > 4 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF;
	}

	static boolean isPng(byte[] d) {
		return d.length > 8 && Arrays.equals(Arrays.copyOf(d, 8),
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
	}

	static boolean isWebp(byte[] d) {
		return d.length > 12 && ascii(d, 0, 4).equals("RIFF") && ascii(d, 8, 4).equals("WEBP");
	}

	private static byte[] jpeg(byte[] d) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
		out.write(0xFF);
		out.write(0xD8);
		int i = 2;
		while (i + 4 <= d.length) {
			if ((d[i] & 0xFF) != 0xFF) {
				throw CaseProblem.invalid("The JPEG file is damaged (no marker where one is due)");
			}
			int marker = d[i + 1] & 0xFF;
			if (marker == 0xDA) {
				// start of scan: the compressed picture follows to the end
				out.write(d, i, d.length - i);
				return out.toByteArray();
			}
			int length = ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
			if (length < 2 || i + 2 + length > d.length) {
				throw CaseProblem.invalid("The JPEG file is damaged (a segment runs past its end)");
			}
			boolean metadata = marker == 0xE1 || marker == 0xED || marker == 0xFE;
			if (!metadata) {
				out.write(d, i, 2 + length);
			}
			i += 2 + length;
		}
		throw CaseProblem.invalid("The JPEG file is damaged (no picture data)");
	}

	private static byte[] png(byte[] d) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
		out.write(d, 0, 8);
		int i = 8;
		while (i + 12 <= d.length) {
			int length = ByteBuffer.wrap(d, i, 4).getInt();
			if (length < 0 || (long) i + 12 + length > d.length) {
				throw CaseProblem.invalid("The PNG file is damaged (a chunk runs past its end)");
			}
			String type = ascii(d, i + 4, 4);
			if (!type.equals("eXIf") && !type.equals("tEXt") && !type.equals("zTXt") && !type.equals("iTXt")) {
				out.write(d, i, 12 + length);
			}
			i += 12 + length;
			if (type.equals("IEND")) {
				return out.toByteArray();
			}
		}
		throw CaseProblem.invalid("The PNG file is damaged (no end chunk)");
	}

	private static byte[] webp(byte[] d) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(d.length);
		boolean image = false;
		int i = 12;
		while (i + 8 <= d.length) {
			String type = ascii(d, i, 4);
			int length = ByteBuffer.wrap(d, i + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
			// in long arithmetic: a length near 2^31 must not wrap round to a small
			// number
			long padded = (long) length + (length & 1);
			if (length < 0 || i + 8 + padded > (long) d.length + (length & 1)) {
				throw CaseProblem.invalid("The WebP file is damaged (a chunk runs past its end)");
			}
			image |= type.equals("VP8 ") || type.equals("VP8L") || type.equals("VP8X");
			if (!type.equals("EXIF") && !type.equals("XMP ")) {
				byte[] chunk = Arrays.copyOfRange(d, i, (int) Math.min(d.length, i + 8 + padded));
				if (type.equals("VP8X")) {
					chunk[8] &= (byte) ~0x0C; // clear the EXIF and XMP flags
				}
				body.writeBytes(chunk);
			}
			i += (int) (8 + padded);
		}
		if (!image) {
			throw CaseProblem.invalid("The WebP file holds no picture (cut short)");
		}
		byte[] chunks = body.toByteArray();
		ByteBuffer out = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
		out.put("RIFF".getBytes(StandardCharsets.US_ASCII));
		out.putInt(4 + chunks.length);
		out.put("WEBP".getBytes(StandardCharsets.US_ASCII));
		out.put(chunks);
		return out.array();
	}

	private static String ascii(byte[] d, int from, int length) {
		return new String(d, from, Math.min(length, Math.max(0, d.length - from)), StandardCharsets.US_ASCII);
	}

}
