package org.cityops.demo;

import org.cityops.grid.GridImports;
import org.cityops.grid.GridLayers;
import org.cityops.grid.GridVersionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On the first start with {@code cityops.demo=true} (the default), loads the Taopu demo
 * territory through the same validated import an administrator uses, before the web
 * server opens.
 */
@Component
@ConditionalOnProperty(name = "cityops.demo", havingValue = "true", matchIfMissing = true)
class DemoGrid implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoGrid.class);

	private final GridImports imports;

	private final GridLayers layers;

	DemoGrid(GridImports imports, GridLayers layers) {
		this.imports = imports;
		this.layers = layers;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.imports.hasGridInForce()) {
			return;
		}
		long started = System.nanoTime();
		TaopuDemo.Output demo = TaopuDemo.generate();
		GridVersionInfo version = this.imports.importGeoJson(demo.grid(), "demo:taopu", "demo", true);
		this.imports.replaceGazetteer(demo.roads(), demo.entrances(), true);
		for (TaopuDemo.Layer layer : demo.layers()) {
			this.layers.importLayer(layer.code(), layer.name(), layer.kind(), layer.geoJson(), "demo", true);
		}
		log.info("Loaded the Taopu demo grid as version {} ({} features, {} roads, {} addresses, {} layers) in {} ms",
				version.id(), version.features(), demo.roads().size(), demo.entrances().size(), demo.layers().size(),
				(System.nanoTime() - started) / 1_000_000);
	}

}
