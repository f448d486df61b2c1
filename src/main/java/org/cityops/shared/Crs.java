package org.cityops.shared;

import java.util.Locale;

/**
 * The coordinate systems a client may send. Everything is stored in WGS84; Chinese map
 * providers hand out GCJ-02 ("Mars coordinates"), which is WGS84 shifted by a published
 * obfuscation formula of a few hundred metres.
 */
public enum Crs {

	WGS84, GCJ02;

	private static final double A = 6378245.0;

	private static final double EE = 0.00669342162296594323;

	public static Crs parse(String value) {
		if (value == null || value.isBlank()) {
			return WGS84;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT).replace("-", "")) {
			case "wgs84", "epsg:4326", "4326" -> WGS84;
			case "gcj02" -> GCJ02;
			default -> throw new IllegalArgumentException(
					"Unknown coordinate system '" + value + "': use wgs84 (GPS, the default) or gcj02 (AMap, Tencent)");
		};
	}

	/** Converts a position given in this system to WGS84. */
	public GeoPoint toWgs84(double lon, double lat) {
		return (this == WGS84) ? GeoPoint.of(lon, lat) : gcj02ToWgs84(lon, lat);
	}

	public static GeoPoint wgs84ToGcj02(double lon, double lat) {
		double[] d = delta(lon, lat);
		return GeoPoint.of(lon + d[0], lat + d[1]);
	}

	/**
	 * Inverts the GCJ-02 shift by fixed-point iteration; converges to well under a
	 * centimetre in a few steps.
	 */
	static GeoPoint gcj02ToWgs84(double lon, double lat) {
		double wLon = lon;
		double wLat = lat;
		for (int i = 0; i < 10; i++) {
			GeoPoint shifted = wgs84ToGcj02(wLon, wLat);
			double dLon = shifted.lon() - lon;
			double dLat = shifted.lat() - lat;
			wLon -= dLon;
			wLat -= dLat;
			if (Math.abs(dLon) < 1e-9 && Math.abs(dLat) < 1e-9) {
				break;
			}
		}
		return GeoPoint.of(wLon, wLat);
	}

	private static double[] delta(double lon, double lat) {
		double x = lon - 105.0;
		double y = lat - 35.0;
		double dLat = transformLat(x, y);
		double dLon = transformLon(x, y);
		double radLat = lat / 180.0 * Math.PI;
		double magic = Math.sin(radLat);
		magic = 1 - EE * magic * magic;
		double sqrtMagic = Math.sqrt(magic);
		dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
		dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new double[] { dLon, dLat };
	}

	private static double transformLat(double x, double y) {
		double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return ret;
	}

	private static double transformLon(double x, double y) {
		double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return ret;
	}

}
