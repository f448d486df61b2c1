-- The territory, versioned: an import adds a version and makes it the one in force; old versions stay, so a case
-- located last year keeps last year's unit.
create table grid_version (
    id            bigserial primary key,
    source        text not null,
    imported_by   text not null,
    imported_at   timestamptz not null,
    feature_count int not null,
    demo          boolean not null default false,
    active        boolean not null default false,
    activated_at  timestamptz,
    superseded_at timestamptz
);
create unique index grid_version_single_active on grid_version (active) where active;

create table grid_feature (
    version_id  bigint not null references grid_version (id),
    code        text not null,
    level       text not null check (level in ('DISTRICT', 'TOWN', 'AREA', 'BLOCK', 'UNIT', 'COMMITTEE', 'COMPOUND')),
    name        text not null,
    parent_code text,
    geometry    jsonb not null,
    properties  jsonb not null default '{}',
    min_lon     double precision not null,
    min_lat     double precision not null,
    max_lon     double precision not null,
    max_lat     double precision not null,
    area_m2     double precision not null,
    primary key (version_id, code)
);
create index grid_feature_by_level on grid_feature (version_id, level);

-- Overlay grids (police, party-building, city-management cells ...) folded into the comprehensive grid (多格合一).
create table grid_layer (
    code        text primary key check (code ~ '^[a-z0-9_-]{1,40}$'),
    name        text not null,
    kind        text not null,
    imported_by text not null,
    imported_at timestamptz not null,
    cell_count  int not null,
    demo        boolean not null default false
);
create table grid_layer_cell (
    layer_code text not null references grid_layer (code) on delete cascade,
    code       text not null,
    name       text not null,
    geometry   jsonb not null,
    primary key (layer_code, code)
);

-- The gazetteer: roads with their house-number range (numbers interpolate along the line) and known entrances.
create table gazetteer_road (
    name       text primary key,
    geometry   jsonb not null,
    max_number int not null check (max_number > 0),
    demo       boolean not null default false
);
create table gazetteer_address (
    road          text not null references gazetteer_road (name) on delete cascade,
    number        int not null check (number > 0),
    suffix        text not null check (suffix in ('号', '弄')),
    lon           double precision not null,
    lat           double precision not null,
    compound_code text,
    primary key (road, number, suffix)
);
