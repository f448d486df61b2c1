package org.cityops.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CrsTests {

	@Test
	void gcj02ShiftsShanghaiByAFewHundredMetresAndConvertsBack() {
		GeoPoint wgs = GeoPoint.of(121.39, 31.28);
		GeoPoint gcj = Crs.wgs84ToGcj02(wgs.lon(), wgs.lat());
		// the published offset in Shanghai is roughly +0.0045 lon, -0.0020 lat
		assertThat(gcj.lon() - wgs.lon()).isBetween(0.003, 0.006);
		assertThat(gcj.lat() - wgs.lat()).isBetween(-0.004, -0.001);
		GeoPoint back = Crs.GCJ02.toWgs84(gcj.lon(), gcj.lat());
		assertThat(back.lon()).isCloseTo(wgs.lon(), within(1e-7));
		assertThat(back.lat()).isCloseTo(wgs.lat(), within(1e-7));
	}

	@Test
	void parsesNamesAndRejectsUnknownOnes() {
		assertThat(Crs.parse(null)).isEqualTo(Crs.WGS84);
		assertThat(Crs.parse("GCJ-02")).isEqualTo(Crs.GCJ02);
		assertThat(Crs.parse("EPSG:4326")).isEqualTo(Crs.WGS84);
		assertThatIllegalArgumentException().isThrownBy(() -> Crs.parse("bd09")).withMessageContaining("gcj02");
	}

	@Test
	void geoPointRejectsImpossibleCoordinates() {
		assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.of(200, 31)).withMessageContaining("Longitude");
		assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.of(121, Double.NaN))
			.withMessageContaining("Latitude");
	}

}
