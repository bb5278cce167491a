-- The search index, keyed by integers (app/directory/search-index.server.ts writes it; this
-- migration rebuilds it once from what is already in the database, by the same rules).
--
-- `service_search` holds one row per *active* service. Its integer `key` is the rowid of the
-- service's full-text row and what the site and area rows point at. It carries what search filters
-- and sorts on: ages, free, needs and spoken languages as space-delimited codes, and the opening
-- intervals ("zone start end;…", as in opening_interval). The search module reads these tables
-- into memory (app/directory/search-snapshot.server.ts) and reloads them when
-- `search_index_version` changes, which every insert or delete here does.
-- `service_fts` keeps its text columns and so its bm25 ranking, with rowid = key and only active
-- services. (It keeps its content: a contentless table does not subtract a deleted row from the
-- token totals bm25 divides by, so every reindex would skew the ranking a little more.)
-- `service_place_fts` exists so that "these words near this place" is intersected inside FTS5: the
-- same words in one column, and in `place` internal tokens for the 0.25° grid cells of the
-- service's sites (`spread` when more than 4) and the 2° cells of its service areas (`hasarea`
-- when more than 4; this backfill writes `hasarea` for any area, which searches accept too, and
-- the next reindex narrows it). It only matches, never ranks, so it keeps no positions
-- (detail=column), and its tokens cannot change service_fts's document lengths.
CREATE TABLE `search_index_version` (
  `version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `search_index_version` (`version`) VALUES (0);
--> statement-breakpoint
CREATE TABLE `service_search` (
  `key` integer PRIMARY KEY NOT NULL,
  `service_id` text NOT NULL UNIQUE REFERENCES `service`(`id`) ON DELETE CASCADE,
  `name` text NOT NULL,
  `minimum_age` real,
  `maximum_age` real,
  `free` integer NOT NULL,
  `needs` text NOT NULL,
  `languages` text NOT NULL,
  `hours` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `service_search_name_idx` ON `service_search` (`name` COLLATE NOCASE, `service_id`);
--> statement-breakpoint
CREATE TABLE `service_search_site` (
  `id` integer PRIMARY KEY NOT NULL,
  `service_key` integer NOT NULL,
  `lat` real NOT NULL,
  `lng` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `service_search_site_service_idx` ON `service_search_site` (`service_key`);
--> statement-breakpoint
CREATE TABLE `service_search_area` (
  `id` integer PRIMARY KEY NOT NULL,
  `service_key` integer NOT NULL,
  `south` real NOT NULL,
  `west` real NOT NULL,
  `north` real NOT NULL,
  `east` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `service_search_area_service_idx` ON `service_search_area` (`service_key`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `service_text` USING fts5(
  `name`,
  `description`,
  `organization`,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `service_place_fts` USING fts5(
  `words`,
  `place`,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '',
  contentless_delete = 1,
  detail = 'column'
);
--> statement-breakpoint
-- Backfill, as reindexServices() would write it.
INSERT INTO `service_search` (`key`, `service_id`, `name`, `minimum_age`, `maximum_age`, `free`, `needs`, `languages`, `hours`)
SELECT m.fts_rowid, s.id, s.name, s.minimum_age, s.maximum_age,
       EXISTS (SELECT 1 FROM cost_option c WHERE c.service_id = s.id AND c.amount = 0),
       ' ' || coalesce((SELECT group_concat(t.code, ' ') FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
                         WHERE a.link_id = s.id AND t.taxonomy_id = 'family-navigator-needs'), '') || ' ',
       ' ' || coalesce((SELECT group_concat(l.code, ' ') FROM language l WHERE l.service_id = s.id), '') || ' ',
       coalesce((SELECT group_concat(oi.time_zone || ' ' || oi.start_minute || ' ' || oi.end_minute, ';')
                   FROM opening_interval oi WHERE oi.service_id = s.id), '')
  FROM service s JOIN service_fts_map m ON m.service_id = s.id
 WHERE s.status = 'active';
--> statement-breakpoint
INSERT INTO `service_search_site` (`service_key`, `lat`, `lng`)
SELECT x.key, l.latitude, l.longitude
  FROM service_search x JOIN service_at_location sal ON sal.service_id = x.service_id JOIN location l ON l.id = sal.location_id
 WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL;
--> statement-breakpoint
INSERT INTO `service_search_area` (`service_key`, `south`, `west`, `north`, `east`)
SELECT x.key, a.south, a.west, a.north, a.east FROM service_search x JOIN service_area a ON a.service_id = x.service_id;
--> statement-breakpoint
INSERT INTO `service_text` (rowid, `name`, `description`, `organization`)
SELECT x.key, o.name, o.description, o.organization FROM service_search x JOIN service_fts o ON o.rowid = x.key;
--> statement-breakpoint
INSERT INTO `service_place_fts` (rowid, `words`, `place`)
SELECT x.key, o.name || ' ' || o.description || ' ' || o.organization,
       trim(coalesce((SELECT CASE WHEN count(*) > 4 THEN 'spread' ELSE group_concat(cell, ' ') END
                        FROM (SELECT DISTINCT 'c' || CAST(floor((si.lat + 90) * 4) AS INTEGER) || 'x' || CAST(floor((si.lng + 180) * 4) AS INTEGER) AS cell
                                FROM service_search_site si WHERE si.service_key = x.key)), '')
            || CASE WHEN EXISTS (SELECT 1 FROM service_search_area sa WHERE sa.service_key = x.key) THEN ' hasarea' ELSE '' END)
  FROM service_search x JOIN service_fts o ON o.rowid = x.key;
--> statement-breakpoint
DROP TRIGGER `service_fts_map_delete`;
--> statement-breakpoint
DROP TABLE `service_fts_map`;
--> statement-breakpoint
DROP TABLE `service_fts`;
--> statement-breakpoint
ALTER TABLE `service_text` RENAME TO `service_fts`;
--> statement-breakpoint
-- Deleting a service (or reindexing it) removes everything search derived from it.
CREATE TRIGGER `service_search_delete` AFTER DELETE ON `service_search` BEGIN
  DELETE FROM `service_fts` WHERE rowid = old.key;
  DELETE FROM `service_place_fts` WHERE rowid = old.key;
  DELETE FROM `service_search_site` WHERE service_key = old.key;
  DELETE FROM `service_search_area` WHERE service_key = old.key;
  UPDATE `search_index_version` SET `version` = random();
END;
--> statement-breakpoint
CREATE TRIGGER `service_search_insert` AFTER INSERT ON `service_search` BEGIN
  UPDATE `search_index_version` SET `version` = random();
END;
