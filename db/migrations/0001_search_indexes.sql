-- Full-text search over services (FTS5). One row per service holds its name, description and
-- organization name in every language it is written in, folded by app code (đ → d), because
-- unicode61 folds other diacritics but not đ. remove_diacritics 2 also folds letters with two marks (ấ).
CREATE VIRTUAL TABLE `service_fts` USING fts5(
  `service_id` UNINDEXED,
  `name`,
  `description`,
  `organization`,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TABLE `service_fts_map` (
  `service_id` text PRIMARY KEY NOT NULL REFERENCES `service`(`id`) ON DELETE CASCADE,
  `fts_rowid` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `service_fts_map_delete` AFTER DELETE ON `service_fts_map` BEGIN
  DELETE FROM `service_fts` WHERE rowid = old.fts_rowid;
END;
--> statement-breakpoint
-- Spatial index over physical locations (R*Tree); kept in step with `location` by triggers.
CREATE VIRTUAL TABLE `location_rtree` USING rtree(
  `id`,
  `min_lat`, `max_lat`,
  `min_lng`, `max_lng`,
  +`location_id`
);
--> statement-breakpoint
CREATE TABLE `location_rtree_map` (
  `location_id` text PRIMARY KEY NOT NULL,
  `rtree_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `location_rtree_insert` AFTER INSERT ON `location`
WHEN new.latitude IS NOT NULL AND new.longitude IS NOT NULL BEGIN
  INSERT INTO `location_rtree` (`min_lat`, `max_lat`, `min_lng`, `max_lng`, `location_id`)
    VALUES (new.latitude, new.latitude, new.longitude, new.longitude, new.id);
  INSERT INTO `location_rtree_map` (`location_id`, `rtree_id`) VALUES (new.id, last_insert_rowid());
END;
--> statement-breakpoint
CREATE TRIGGER `location_rtree_delete` AFTER DELETE ON `location` BEGIN
  DELETE FROM `location_rtree` WHERE id = (SELECT rtree_id FROM `location_rtree_map` WHERE location_id = old.id);
  DELETE FROM `location_rtree_map` WHERE location_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `location_rtree_update` AFTER UPDATE OF `latitude`, `longitude` ON `location` BEGIN
  DELETE FROM `location_rtree` WHERE id = (SELECT rtree_id FROM `location_rtree_map` WHERE location_id = old.id);
  DELETE FROM `location_rtree_map` WHERE location_id = old.id;
  INSERT INTO `location_rtree` (`min_lat`, `max_lat`, `min_lng`, `max_lng`, `location_id`)
    SELECT new.latitude, new.latitude, new.longitude, new.longitude, new.id
    WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL;
  INSERT INTO `location_rtree_map` (`location_id`, `rtree_id`)
    SELECT new.id, last_insert_rowid() WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL;
END;
