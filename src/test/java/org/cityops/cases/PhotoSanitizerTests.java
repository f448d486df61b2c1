package org.cityops.cases;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoSanitizerTests {

	static final byte[] GPS = "Exif\0\0GPSLatitude=31.28;GPSLongitude=121.39;Model=Phone"
		.getBytes(StandardCharsets.ISO_8859_1);

	static byte[] image(String format) throws Exception {
		BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 4, 0xFF0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	/** A JPEG with an EXIF segment carrying a location, as phones write them. */
	static byte[] jpegWithLocation() throws Exception {
		byte[] jpeg = image("jpg");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write((GPS.length + 2) >> 8);
		out.write((GPS.length + 2) & 0xFF);
		out.write(GPS);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	static byte[] pngWithText() throws Exception {
		byte[] png = image("png");
		byte[] data = "Comment\0GPSLatitude=31.28".getBytes(StandardCharsets.ISO_8859_1);
		ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
		chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
		CRC32 crc = new CRC32();
		crc.update(chunk.array(), 4, 4 + data.length);
		chunk.putInt((int) crc.getValue());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, 33); // signature and IHDR
		out.write(chunk.array());
		out.write(png, 33, png.length - 33);
		return out.toByteArray();
	}

	static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}

	@Test
	void removesExifFromJpegAndKeepsThePicture() throws Exception {
		byte[] withGps = jpegWithLocation();
		assertThat(contains(withGps, "GPSLatitude")).isTrue();
		PhotoSanitizer.Clean clean = PhotoSanitizer.clean(withGps);
		assertThat(clean.contentType()).isEqualTo("image/jpeg");
		assertThat(contains(clean.bytes(), "GPSLatitude")).isFalse();
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
		assertThat(decoded.getWidth()).isEqualTo(32);
		assertThat(decoded.getHeight()).isEqualTo(24);
	}

	@Test
	void removesTextChunksFromPng() throws Exception {
		byte[] withText = pngWithText();
		assertThat(ImageIO.read(new ByteArrayInputStream(withText))).isNotNull();
		PhotoSanitizer.Clean clean = PhotoSanitizer.clean(withText);
		assertThat(clean.contentType()).isEqualTo("image/png");
		assertThat(contains(clean.bytes(), "GPSLatitude")).isFalse();
		assertThat(ImageIO.read(new ByteArrayInputStream(clean.bytes())).getRGB(3, 4) & 0xFFFFFF).isEqualTo(0xFF0000);
	}

	@Test
	void recognisesPicturesByContentNotByName() {
		assertThatThrownBy(() -> PhotoSanitizer.clean("GIF89a not a supported picture".getBytes()))
			.hasMessageContaining("not a JPEG, PNG or WebP");
		assertThatThrownBy(() -> PhotoSanitizer.clean("<html>a page called photo.jpg</html>".getBytes()))
			.isInstanceOf(CaseProblem.class);
		byte[] truncated = new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x7F, 1, 2 };
		assertThatThrownBy(() -> PhotoSanitizer.clean(truncated)).hasMessageContaining("damaged");
	}

	/**
	 * A real 32 × 24 lossless WebP (made with Debian's cwebp) with the red pixel at (3,
	 * 4).
	 */
	static final byte[] WEBP = java.util.Base64.getDecoder()
		.decode("UklGRigAAABXRUJQVlA4TBwAAAAvH8AFAA8Q8x/zHwY1bRswPcuf9AYQ0f+EJN4A");

	@Test
	void removesExifAndXmpChunksFromWebp() throws Exception {
		byte[] vp8l = Arrays.copyOfRange(WEBP, 12, WEBP.length);
		byte[] exif = chunk("EXIF", GPS);
		byte[] riffBody = concat("WEBP".getBytes(StandardCharsets.US_ASCII), exif, vp8l);
		ByteBuffer file = ByteBuffer.allocate(8 + riffBody.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(riffBody.length).put(riffBody);
		PhotoSanitizer.Clean clean = PhotoSanitizer.clean(file.array());
		assertThat(clean.contentType()).isEqualTo("image/webp");
		assertThat(contains(clean.bytes(), "GPSLatitude")).isFalse();
		assertThat(clean.bytes()).isEqualTo(WEBP);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
		assertThat(decoded.getRGB(3, 4) & 0xFFFFFF).isEqualTo(0xFF0000);
	}

	@Test
	void refusesWhatDoesNotDecodeAndLengthsThatWouldOverflow() throws Exception {
		// a PNG whose first chunk claims 2^31 - 4 bytes: int arithmetic wrapped round
		// before
		byte[] png = image("png");
		ByteBuffer.wrap(png, 8, 4).putInt(Integer.MAX_VALUE - 3);
		assertThatThrownBy(() -> PhotoSanitizer.clean(png)).isInstanceOf(CaseProblem.class)
			.hasMessageContaining("damaged");
		byte[] webp = WEBP.clone();
		ByteBuffer.wrap(webp, 16, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(Integer.MAX_VALUE);
		assertThatThrownBy(() -> PhotoSanitizer.clean(webp)).isInstanceOf(CaseProblem.class)
			.hasMessageContaining("damaged");
		// 16 bytes: a RIFF header and nothing else
		assertThatThrownBy(() -> PhotoSanitizer.clean(Arrays.copyOf(WEBP, 16))).isInstanceOf(CaseProblem.class)
			.hasMessageContaining("WebP");
		// the right header, the picture data cut off
		byte[] jpeg = image("jpg");
		assertThatThrownBy(() -> PhotoSanitizer.clean(Arrays.copyOf(jpeg, jpeg.length / 2)))
			.isInstanceOf(CaseProblem.class);
		byte[] noise = image("png");
		for (int i = 40; i < noise.length - 12; i++) {
			noise[i] = (byte) (i * 31);
		}
		assertThatThrownBy(() -> PhotoSanitizer.clean(noise)).isInstanceOf(CaseProblem.class);
	}

	private static byte[] chunk(String type, byte[] data) {
		int padded = data.length + (data.length & 1);
		ByteBuffer b = ByteBuffer.allocate(8 + padded).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		b.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
		return b.array();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

}
