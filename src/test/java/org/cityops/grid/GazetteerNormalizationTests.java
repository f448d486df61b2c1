package org.cityops.grid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

import org.cityops.grid.geometry.GeoJsonGeometry;
import org.cityops.shared.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerNormalizationTests {

	@ParameterizedTest
	@CsvSource({ "武威路１０８２弄,武威路1082弄", "上海市普陀区桃浦镇 武威路1082弄,武威路1082弄", "桃浦镇绥德路99号,绥德路99号", "上海 真南路 822 弄,真南路822弄",
			"桃浦路100号,桃浦路100号" })
	void normalizesWhatPeopleType(String typed, String normalized) {
		assertThat(Gazetteer.normalize(typed)).isEqualTo(normalized);
	}

	@Test
	void interpolationAndItsInverseAgreeOnNumberAndSide() {
		GazetteerRoad road = new GazetteerRoad("测试路", GeoJsonGeometry.FACTORY
			.createLineString(new Coordinate[] { new Coordinate(121.35, 31.28), new Coordinate(121.40, 31.28) }), 1200);
		for (int number : new int[] { 1, 2, 99, 100, 600, 1081, 1082, 1199, 1200 }) {
			GeoPoint p = Gazetteer.interpolate(road, number);
			assertThat(Gazetteer.numberAt(road, new Coordinate(p.lon(), p.lat()))).as("number %d", number)
				.isEqualTo(number);
		}
		assertThat(Gazetteer.interpolate(road, 101).lat()).as("odd numbers on the left (north) of an eastward road")
			.isGreaterThan(31.28);
		assertThat(Gazetteer.interpolate(road, 102).lat()).isLessThan(31.28);
	}

}
