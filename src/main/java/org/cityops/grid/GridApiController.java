package org.cityops.grid;

import java.net.URI;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cityops.grid.Geocoded;
import org.cityops.grid.Grid;
import org.cityops.grid.GridImports;
import org.cityops.grid.GridLayerInfo;
import org.cityops.grid.GridLayers;
import org.cityops.grid.GridLevel;
import org.cityops.grid.GridProperties;
import org.cityops.grid.GridVersionInfo;
import org.cityops.grid.Location;
import org.cityops.grid.PlaceDetails;
import org.cityops.grid.UnitOverlap;
import org.cityops.grid.UnitSummary;
import org.cityops.shared.BoundedBody;
import org.cityops.shared.Crs;

import org.cityops.shared.Access;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The territory over HTTP: locate, geocode, units, versions, GeoJSON import and export,
 * overlay layers and the grid merge.
 */
@RestController
@RequestMapping("/api/v1/grid")
@Tag(name = "grid", description = "The territory (网格): locate points, geocode addresses, import and export the grid")
class GridApiController {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final Grid grid;

	private final GridImports imports;

	private final GridLayers layers;

	private final GridProperties properties;

	GridApiController(Grid grid, GridImports imports, GridLayers layers, GridProperties properties) {
		this.grid = grid;
		this.imports = imports;
		this.layers = layers;
		this.properties = properties;
	}

	@GetMapping("/locate")
	@Operation(summary = "Where a point lies: unit, block, area, town, district, committee and compound",
			description = "404 with type outside-jurisdiction when the point is outside the district.")
	Location locate(@RequestParam double lon, @RequestParam double lat,
			@Parameter(description = "wgs84 (default, GPS) or gcj02 (AMap, Tencent)") @RequestParam(
					required = false) String crs,
			@Parameter(description = "a grid version; default the one in force") @RequestParam(
					required = false) Long version) {
		var point = Crs.parse(crs).toWgs84(lon, lat);
		return (version != null) ? this.grid.locate(point, version) : this.grid.locate(point);
	}

	@GetMapping("/geocode")
	@Operation(summary = "Resolve an address (武威路1082弄, 绥德路99号) or compound name (莲花公寓) to a point and unit",
			description = "404 with the reason when the address is not known.")
	Geocoded geocode(@RequestParam String q) {
		return this.grid.geocode(q);
	}

	@GetMapping(value = "/roads", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The gazetteer's roads as GeoJSON lines with their house-number range")
	ResponseEntity<ObjectNode> roads() {
		return ResponseEntity.ok().contentType(GEO_JSON).body(this.grid.roads());
	}

	@GetMapping("/units")
	@Operation(summary = "The responsibility units of the grid in force, with codes and parents")
	List<UnitSummary> units() {
		return this.grid.units();
	}

	@GetMapping("/units/{code}")
	@Operation(summary = "One unit with its compounds and its overlaps with every overlay layer (多格合一)")
	Map<String, Object> unit(@PathVariable String code) {
		UnitSummary unit = this.grid.unit(code);
		return Map.of("unit", unit, "overlaps", this.layers.overlapsOf(code));
	}

	@GetMapping("/places/{code}")
	@Operation(summary = "Any place of the grid in force with its parent and children")
	PlaceDetails place(@PathVariable String code) {
		return this.grid.place(code);
	}

	@GetMapping("/versions")
	@Operation(summary = "Every imported grid version; old ones are kept")
	List<GridVersionInfo> versions() {
		return this.imports.versions();
	}

	@GetMapping(value = "/export", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The grid as a GeoJSON FeatureCollection, importable as it is")
	ResponseEntity<ObjectNode> export(@RequestParam(required = false) Long version,
			@Parameter(description = "comma-separated levels, e.g. area,block,unit; default all") @RequestParam(
					required = false) List<String> levels) {
		return ResponseEntity.ok().contentType(GEO_JSON).body(this.imports.export(version, parseLevels(levels)));
	}

	@PostMapping(value = "/import", consumes = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "Replace the grid with a GeoJSON FeatureCollection (ADMIN)",
			description = "All or nothing: 422 lists every problem by feature index; a valid file becomes a new "
					+ "version in force and the old one is kept.")
	@RequestBody(required = true, description = "The whole grid as a GeoJSON FeatureCollection (see docs/grid.md)",
			content = @Content(mediaType = "application/geo+json"))
	ResponseEntity<GridVersionInfo> importGrid(HttpServletRequest request,
			@RequestParam(defaultValue = "api") String source, Principal principal) {
		GridVersionInfo version = this.imports.importGeoJson(body(request), source, principal.getName(), false);
		return ResponseEntity.created(URI.create("/api/v1/grid/export?version=" + version.id())).body(version);
	}

	@GetMapping("/layers")
	@Operation(summary = "The overlay grids (police, party-building, city-management ...)")
	List<GridLayerInfo> layers() {
		return this.layers.layers();
	}

	@GetMapping(value = "/layers/{code}", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The cells of one overlay layer as GeoJSON")
	ResponseEntity<ObjectNode> layer(@PathVariable String code) {
		return ResponseEntity.ok().contentType(GEO_JSON).body(this.layers.cellsAsGeoJson(code));
	}

	@PostMapping(value = "/layers/{code}", consumes = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "Create or replace an overlay layer from GeoJSON polygons with code and name (ADMIN)")
	@RequestBody(required = true, description = "A GeoJSON FeatureCollection of polygons with code and name",
			content = @Content(mediaType = "application/geo+json"))
	ResponseEntity<GridLayerInfo> importLayer(@PathVariable String code, @RequestParam String name,
			@RequestParam(required = false) String kind, HttpServletRequest request, Principal principal) {
		GridLayerInfo layer = this.layers.importLayer(code, name, kind, body(request), principal.getName(), false);
		return ResponseEntity.created(URI.create("/api/v1/grid/layers/" + code)).body(layer);
	}

	@GetMapping("/merge")
	@Operation(summary = "Grid merge (多格合一): for each unit, the cells of a layer that overlap it and by how much")
	List<UnitOverlap> merge(@RequestParam String layer) {
		return this.layers.merge(layer);
	}

	/**
	 * The uploaded file, refused before it is read whole when it exceeds the configured
	 * limit.
	 */
	private byte[] body(HttpServletRequest request) {
		byte[] body = BoundedBody.read(request, this.properties.maxFileBytes());
		if (body == null) {
			throw new IllegalArgumentException("The file is larger than " + this.properties.maxFileBytes()
					+ " bytes (cityops.grid.max-file-bytes); split it or ask an administrator to raise the limit");
		}
		return body;
	}

	private static Set<GridLevel> parseLevels(List<String> levels) {
		if (levels == null || levels.isEmpty()) {
			return Set.of();
		}
		Set<GridLevel> out = EnumSet.noneOf(GridLevel.class);
		for (String level : levels) {
			out.add(GridLevel.parse(level.trim())
				.orElseThrow(() -> new IllegalArgumentException("Unknown level '" + level
						+ "'; use district, town, area, block, unit, committee or compound")));
		}
		return out;
	}

}
