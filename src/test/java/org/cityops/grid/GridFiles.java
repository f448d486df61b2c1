package org.cityops.grid;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small grid files for tests: a valid minimal tree (district, town, area, block,
 * committee, two units, a compound) that each test breaks in one way.
 */
final class GridFiles {

	static final ObjectMapper JSON = new ObjectMapper();

	final List<ObjectNode> features = new ArrayList<>();

	static GridFiles minimal() {
		GridFiles f = new GridFiles();
		f.polygon("310107", "district", "普陀区", null, 121.33, 31.22, 121.45, 31.30);
		f.polygon("310107103000", "town", "桃浦镇", "310107", 121.33, 31.265, 121.42, 31.30);
		f.polygon("310107103000P1", "area", "东部片区", "310107103000", 121.33, 31.265, 121.42, 31.30);
		f.polygon("310107103000K01", "block", "第1责任块", "310107103000P1", 121.33, 31.265, 121.42, 31.30);
		f.point("310107103001", "committee", "莲花公寓居委会", "310107103000", 121.36, 31.28);
		f.polygon("310107103001001", "unit", "第1单元", "310107103000K01", 121.33, 31.265, 121.375, 31.30);
		f.polygon("310107103001002", "unit", "第2单元", "310107103000K01", 121.375, 31.265, 121.42, 31.30);
		f.polygon("310107103001C01", "compound", "莲花公寓", "310107103001", 121.35, 31.27, 121.352, 31.272);
		return f;
	}

	ObjectNode feature(String code) {
		return this.features.stream()
			.filter((f) -> code.equals(f.path("properties").path("code").asText()))
			.findFirst()
			.orElseThrow();
	}

	GridFiles polygon(String code, String level, String name, String parent, double x0, double y0, double x1,
			double y1) {
		ObjectNode f = base(code, level, name, parent);
		ObjectNode geometry = f.putObject("geometry");
		geometry.put("type", "Polygon");
		ArrayNode ring = geometry.putArray("coordinates").addArray();
		double[][] corners = { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 }, { x0, y0 } };
		for (double[] c : corners) {
			ring.addArray().add(c[0]).add(c[1]);
		}
		return this;
	}

	GridFiles point(String code, String level, String name, String parent, double x, double y) {
		ObjectNode f = base(code, level, name, parent);
		ObjectNode geometry = f.putObject("geometry");
		geometry.put("type", "Point");
		geometry.putArray("coordinates").add(x).add(y);
		return this;
	}

	private ObjectNode base(String code, String level, String name, String parent) {
		ObjectNode f = JSON.createObjectNode();
		f.put("type", "Feature");
		ObjectNode props = f.putObject("properties");
		props.put("code", code);
		props.put("level", level);
		props.put("name", name);
		if (parent != null) {
			props.put("parent", parent);
		}
		this.features.add(f);
		return f;
	}

	byte[] bytes() {
		ObjectNode root = JSON.createObjectNode();
		root.put("type", "FeatureCollection");
		ArrayNode array = root.putArray("features");
		this.features.forEach(array::add);
		try {
			return JSON.writeValueAsBytes(root);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
