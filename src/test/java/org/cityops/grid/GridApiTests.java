package org.cityops.grid;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid API against the real embedded PostgreSQL with the Taopu demo loaded, as an
 * operator would call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GridApiTests {

	@Autowired
	TestRestTemplate rest;

	ResponseEntity<JsonNode> get(String url) {
		return this.rest.withBasicAuth("operator", "cityops-demo").getForEntity(url, JsonNode.class);
	}

	@Test
	void locatesAPointNearWuweiRoadOnEveryLevel() {
		JsonNode body = get("/api/v1/grid/locate?lon=121.39&lat=31.28").getBody();
		assertThat(body.path("district").path("code").asText()).isEqualTo("310107");
		assertThat(body.path("town").path("name").asText()).isEqualTo("桃浦镇");
		assertThat(body.path("area").path("code").asText()).startsWith("310107103000P");
		assertThat(body.path("block").path("code").asText()).startsWith("310107103000K");
		assertThat(body.path("unit").path("code").asText()).hasSize(15)
			.startsWith(body.path("committee").path("code").asText());
		assertThat(body.path("gridVersion").asLong()).isPositive();
	}

	@Test
	void convertsGcj02CoordinatesBeforeLocating() {
		JsonNode wgs = get("/api/v1/grid/locate?lon=121.39&lat=31.28").getBody();
		var gcj = org.cityops.shared.Crs.wgs84ToGcj02(121.39, 31.28);
		JsonNode converted = get("/api/v1/grid/locate?crs=gcj02&lon=" + gcj.lon() + "&lat=" + gcj.lat()).getBody();
		assertThat(converted.path("unit").path("code").asText()).isEqualTo(wgs.path("unit").path("code").asText());
		assertThat(converted.path("point").path("lon").asDouble()).isCloseTo(121.39,
				org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void saysClearlyWhenAPointIsOutsideTheJurisdiction() {
		ResponseEntity<JsonNode> response = get("/api/v1/grid/locate?lon=121.50&lat=31.23");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
		assertThat(response.getBody().path("type").asText()).isEqualTo("/problems/outside-jurisdiction");
		assertThat(response.getBody().path("detail").asText()).contains("outside the jurisdiction of 普陀区");
	}

	@Test
	void aPointInAnotherTownHasATownButNoUnit() throws Exception {
		JsonNode towns = get("/api/v1/grid/export?levels=town").getBody().path("features");
		JsonNode changzheng = null;
		for (JsonNode town : towns) {
			if (town.path("properties").path("code").asText().equals("310107102000")) {
				changzheng = town;
			}
		}
		var inside = new org.cityops.grid.geometry.GeoJsonGeometry(
				new org.locationtech.jts.geom.Envelope(-180, 180, -90, 90))
			.read(changzheng.path("geometry"))
			.getInteriorPoint();
		JsonNode body = get("/api/v1/grid/locate?lon=" + inside.getX() + "&lat=" + inside.getY()).getBody();
		assertThat(body.path("town").path("code").asText()).isEqualTo("310107102000");
		assertThat(body.path("district").path("code").asText()).isEqualTo("310107");
		assertThat(body.has("unit")).isFalse();
	}

	@Test
	void rejectsInvalidQueryParametersWithAReadableMessage() {
		ResponseEntity<JsonNode> notANumber = get("/api/v1/grid/locate?lon=abc&lat=31.28");
		assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(notANumber.getBody().path("detail").asText()).contains("'abc' is not a valid value for lon");
		ResponseEntity<JsonNode> missing = get("/api/v1/grid/locate?lon=121.39");
		assertThat(missing.getBody().path("detail").asText()).isEqualTo("The parameter 'lat' is required");
		ResponseEntity<JsonNode> impossible = get("/api/v1/grid/locate?lon=121.39&lat=95");
		assertThat(impossible.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(impossible.getBody().path("detail").asText()).contains("Latitude");
		ResponseEntity<JsonNode> crs = get("/api/v1/grid/locate?lon=121.39&lat=31.28&crs=bd09");
		assertThat(crs.getBody().path("detail").asText()).contains("Unknown coordinate system 'bd09'");
		ResponseEntity<JsonNode> version = get("/api/v1/grid/locate?lon=121.39&lat=31.28&version=999999");
		assertThat(version.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void geocodesStandardAddressesAndTheirUsualVariants() {
		Map<String, String> cases = Map.of("武威路1082弄", "EXACT", "桃浦镇武威路１０８２弄5号301室", "EXACT", "武威1082弄", "EXACT",
				"真南路822弄", "EXACT", "绥德路99号", "INTERPOLATED", "莲花公寓", "COMPOUND", "阳光水岸苑小区", "COMPOUND");
		cases.forEach((query, match) -> {
			ResponseEntity<JsonNode> response = get("/api/v1/grid/geocode?q={q}".replace("{q}", query));
			assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody().path("match").asText()).as(query).isEqualTo(match);
			assertThat(response.getBody().path("location").path("unit").path("code").asText()).as(query).hasSize(15);
		});
		JsonNode lane = get("/api/v1/grid/geocode?q=武威路1082弄").getBody();
		assertThat(lane.path("compound").path("name").asText()).isEqualTo("武威路1082弄");
		assertThat(lane.path("location").path("compound").path("name").asText()).isEqualTo("武威路1082弄");
	}

	@Test
	void saysWhenItDoesNotKnowAnAddress() {
		List.of("不存在路5号", "绥德路99999号", "武威路", "随便写点什么").forEach((query) -> {
			ResponseEntity<JsonNode> response = get("/api/v1/grid/geocode?q=" + query);
			assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(response.getBody().path("type").asText()).isEqualTo("/problems/address");
			assertThat(response.getBody().path("detail").asText()).isNotBlank();
		});
		assertThat(get("/api/v1/grid/geocode?q=").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void listsTheFortyEightUnitsWithCodesAndParents() {
		JsonNode units = get("/api/v1/grid/units").getBody();
		assertThat(units).hasSize(48);
		units.forEach((unit) -> {
			assertThat(unit.path("code").asText()).matches("310107103\\d{6}");
			assertThat(unit.path("block").path("code").asText()).isNotBlank();
			assertThat(unit.path("area").path("code").asText()).isNotBlank();
			assertThat(unit.path("committee").path("code").asText())
				.isEqualTo(unit.path("code").asText().substring(0, 12));
		});
		long compounds = 0;
		for (JsonNode unit : units) {
			compounds += unit.path("compounds").size();
		}
		assertThat(compounds).isEqualTo(174);
	}

	@Test
	void foldsTheOverlayGridsIntoEachUnit() {
		JsonNode layers = get("/api/v1/grid/layers").getBody();
		assertThat(layers).extracting((l) -> l.path("code").asText())
			.containsExactlyInAnyOrder("police", "party", "city-management");
		JsonNode merge = get("/api/v1/grid/merge?layer=police").getBody();
		Map<String, Double> shareByUnit = new java.util.HashMap<>();
		merge.forEach((o) -> shareByUnit.merge(o.path("unit").asText(), o.path("shareOfUnit").asDouble(), Double::sum));
		assertThat(shareByUnit).hasSize(48);
		// the police beats tile the town, so each unit is covered completely
		assertThat(shareByUnit.values()).allSatisfy((share) -> assertThat(share).isBetween(0.999, 1.001));
		JsonNode unit = get("/api/v1/grid/units/" + merge.get(0).path("unit").asText()).getBody();
		assertThat(unit.path("overlaps")).isNotEmpty();
		assertThat(get("/api/v1/grid/merge?layer=nope").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void exportsGeoJsonThatDescribesTheWholeTree() {
		ResponseEntity<JsonNode> response = get("/api/v1/grid/export?levels=unit,compound");
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/geo+json");
		assertThat(response.getBody().path("features")).hasSize(48 + 174);
		assertThat(get("/api/v1/grid/export?levels=shire").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void onlySignedInStaffMayReadAndOnlyAdministratorsMayImport() {
		assertThat(this.rest.getForEntity("/api/v1/grid/units", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("operator", "wrong")
			.getForEntity("/api/v1/grid/units", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		var headers = new org.springframework.http.HttpHeaders();
		headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
		ResponseEntity<JsonNode> forbidden = this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/grid/import", new org.springframework.http.HttpEntity<>("{}", headers),
					JsonNode.class);
		assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forbidden.getBody().path("detail").asText()).contains("Your role may not do this");
	}

}
