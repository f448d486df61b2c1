package org.cityops.grid;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityops.grid.geometry.GeoJsonGeometry;
import org.cityops.grid.geometry.LocalMetric;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.cityops.shared.Jdbc.instant;

/**
 * Grid versions, their features and the overlay layers in PostgreSQL. Geometries are
 * stored as GeoJSON (jsonb) with their bounding box and area beside them.
 */
@Repository
class GridStore {

	private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ObjectMapper json;

	private final GeoJsonGeometry reader = new GeoJsonGeometry(new Envelope(-180, 180, -90, 90));

	GridStore(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	long insertVersion(String source, String importedBy, boolean demo, List<GridFeature> features, Instant now) {
		long id = this.jdbc.sql("""
				insert into grid_version (source, imported_by, imported_at, feature_count, demo)
				values (?, ?, ?, ?, ?) returning id""")
			.params(source, importedBy, Timestamp.from(now), features.size(), demo)
			.query(Long.class)
			.single();
		LocalMetric metric = LocalMetric.around(features.get(0).geometry());
		this.template.batchUpdate("""
				insert into grid_feature (version_id, code, level, name, parent_code, geometry, properties,
				    min_lon, min_lat, max_lon, max_lat, area_m2)
				values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)""", features, 1000, (ps, f) -> {
			Envelope e = f.geometry().getEnvelopeInternal();
			ps.setLong(1, id);
			ps.setString(2, f.code());
			ps.setString(3, f.level().name());
			ps.setString(4, f.name());
			ps.setString(5, f.parentCode());
			ps.setString(6, GeoJsonGeometry.write(f.geometry()).toString());
			ps.setString(7, write(f.properties()));
			ps.setDouble(8, e.getMinX());
			ps.setDouble(9, e.getMinY());
			ps.setDouble(10, e.getMaxX());
			ps.setDouble(11, e.getMaxY());
			ps.setDouble(12, metric.areaM2(f.geometry()));
		});
		return id;
	}

	void activate(long version, Instant now) {
		this.jdbc.sql("update grid_version set active = false, superseded_at = ? where active")
			.param(Timestamp.from(now))
			.update();
		this.jdbc.sql("update grid_version set active = true, activated_at = ? where id = ?")
			.params(Timestamp.from(now), version)
			.update();
	}

	Optional<Long> activeVersion() {
		return this.jdbc.sql("select id from grid_version where active").query(Long.class).optional();
	}

	boolean versionExists(long version) {
		return this.jdbc.sql("select count(*) from grid_version where id = ?")
			.param(version)
			.query(Long.class)
			.single() > 0;
	}

	List<GridVersionInfo> versions() {
		return this.jdbc.sql("""
				select id, source, imported_by, imported_at, feature_count, demo, active, activated_at, superseded_at
				from grid_version order by id desc""")
			.query((rs, i) -> new GridVersionInfo(rs.getLong("id"), rs.getString("source"), rs.getString("imported_by"),
					instant(rs, "imported_at"), rs.getInt("feature_count"), rs.getBoolean("demo"),
					rs.getBoolean("active"), instant(rs, "activated_at"), instant(rs, "superseded_at")))
			.list();
	}

	List<GridFeature> features(long version) {
		return this.jdbc.sql("""
				select code, level, name, parent_code, geometry::text as geometry, properties::text as properties
				from grid_feature where version_id = ? order by level, code""")
			.param(version)
			.query((rs, i) -> new GridFeature(rs.getString("code"), GridLevel.valueOf(rs.getString("level")),
					rs.getString("name"), rs.getString("parent_code"), geometry(rs.getString("geometry")),
					read(rs.getString("properties"))))
			.list();
	}

	void replaceLayer(GridLayerInfo layer, List<GridLayerCell> cells) {
		this.jdbc.sql("delete from grid_layer where code = ?").param(layer.code()).update();
		this.jdbc.sql("""
				insert into grid_layer (code, name, kind, imported_by, imported_at, cell_count, demo)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(layer.code(), layer.name(), layer.kind(), layer.importedBy(), Timestamp.from(layer.importedAt()),
					cells.size(), layer.demo())
			.update();
		this.template.batchUpdate(
				"insert into grid_layer_cell (layer_code, code, name, geometry) values (?, ?, ?, ?::jsonb)", cells,
				1000, (ps, c) -> {
					ps.setString(1, layer.code());
					ps.setString(2, c.code());
					ps.setString(3, c.name());
					ps.setString(4, GeoJsonGeometry.write(c.geometry()).toString());
				});
	}

	List<GridLayerInfo> layers() {
		return this.jdbc.sql("""
				select code, name, kind, imported_by, imported_at, cell_count, demo from grid_layer order by code""")
			.query((rs, i) -> new GridLayerInfo(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
					rs.getString("imported_by"), instant(rs, "imported_at"), rs.getInt("cell_count"),
					rs.getBoolean("demo")))
			.list();
	}

	List<GridLayerCell> cells(String layer) {
		return this.jdbc
			.sql("select code, name, geometry::text from grid_layer_cell where layer_code = ? order by code")
			.param(layer)
			.query((rs, i) -> new GridLayerCell(rs.getString(1), rs.getString(2), geometry(rs.getString(3))))
			.list();
	}

	private Geometry geometry(String text) {
		try {
			return this.reader.read(this.json.readTree(text));
		}
		catch (JsonProcessingException | GeoJsonGeometry.InvalidGeometry ex) {
			throw new IllegalStateException("Stored geometry cannot be read: " + ex.getMessage(), ex);
		}
	}

	private String write(Map<String, String> properties) {
		try {
			return this.json.writeValueAsString(properties);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, String> read(String text) {
		try {
			return this.json.readValue(text, PROPERTIES);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
