package org.cityops.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cityops.grid.GazetteerAddress;
import org.cityops.grid.GridFeature;
import org.cityops.grid.GridFileCheck;
import org.cityops.grid.GridLevel;
import org.cityops.grid.Location;
import org.cityops.grid.geometry.GeoJsonGeometry;
import org.cityops.shared.GeoPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import static org.assertj.core.api.Assertions.assertThat;

class TaopuDemoTests {

	static TaopuDemo.Output demo;

	static List<GridFeature> features;

	@BeforeAll
	static void generate() {
		demo = TaopuDemo.generate();
		features = GridFileCheck.validate(demo.grid());
	}

	@Test
	void hasTheTownsRealCounts() {
		Map<GridLevel, Long> counts = features.stream()
			.collect(Collectors.groupingBy(GridFeature::level, Collectors.counting()));
		assertThat(counts).containsEntry(GridLevel.DISTRICT, 1L)
			.containsEntry(GridLevel.TOWN, 10L)
			.containsEntry(GridLevel.AREA, 3L)
			.containsEntry(GridLevel.BLOCK, 11L)
			.containsEntry(GridLevel.UNIT, 48L)
			.containsEntry(GridLevel.COMMITTEE, 41L)
			.containsEntry(GridLevel.COMPOUND, 174L);
	}

	@Test
	void everyFeatureIsMarkedAsDemoData() {
		assertThat(features).allSatisfy((f) -> assertThat(f.properties()).containsEntry("demo", "true"));
	}

	@Test
	void taopuLiesInTheDistrictsNorthWestAroundWuweiRoad() {
		Function<GeoPoint, Location> grid = GridFileCheck.locator(features);
		Location location = grid.apply(GeoPoint.of(121.39, 31.28));
		assertThat(location.town().code()).isEqualTo(TaopuDemo.TAOPU);
		assertThat(location.unit()).isNotNull();
		assertThat(location.unit().code()).hasSize(15).startsWith(location.committee().code());
		assertThat(grid.apply(GeoPoint.of(121.44, 31.24)).town().code()).isNotEqualTo(TaopuDemo.TAOPU);
	}

	@Test
	void seedCompoundsAndAddressesExist() {
		Map<String, GridFeature> byName = features.stream()
			.filter((f) -> f.level() == GridLevel.COMPOUND)
			.collect(Collectors.toMap(GridFeature::name, Function.identity()));
		assertThat(byName).containsKeys("莲花公寓", "阳光水岸苑", "紫藤苑", "武威路1082弄", "武威路1087弄", "真南路822弄");
		assertThat(demo.entrances()).anySatisfy((e) -> {
			assertThat(e.road()).isEqualTo("武威路");
			assertThat(e.number()).isEqualTo(1082);
		});
		GridFeature lane = byName.get("武威路1082弄");
		GazetteerAddress entrance = demo.entrances()
			.stream()
			.filter((e) -> lane.code().equals(e.compoundCode()))
			.findFirst()
			.orElseThrow();
		assertThat(lane.geometry()
			.covers(GeoJsonGeometry.FACTORY.createPoint(new Coordinate(entrance.lon(), entrance.lat())))).isTrue();
	}

	@Test
	void overlayLayersAreValidAndTileTheTown() {
		assertThat(demo.layers()).extracting(TaopuDemo.Layer::code)
			.containsExactly("police", "party", "city-management");
	}

}
