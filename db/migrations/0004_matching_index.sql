-- What matching needs about a service, added to the search index so that a family's candidates
-- are read from memory (app/directory/search-snapshot.server.ts) rather than joined from the
-- directory tables for every request: the organization (for diversity), the region, whether it
-- offers interpretation, when it was last assured (freshness), the location behind each site and
-- the name of each service area (for the reasons). `needs` is rewritten in the order the
-- service's attributes were recorded: the first is the service's primary need.
-- app/directory/search-index.server.ts writes the same for every reindexed service.
ALTER TABLE `service_search` ADD `organization_id` text NOT NULL DEFAULT '';
--> statement-breakpoint
ALTER TABLE `service_search` ADD `region` text NOT NULL DEFAULT '';
--> statement-breakpoint
ALTER TABLE `service_search` ADD `interpretation` integer NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE `service_search` ADD `assured_date` text;
--> statement-breakpoint
UPDATE `service_search`
   SET (`organization_id`, `region`, `interpretation`, `assured_date`, `needs`) = (
     SELECT s.organization_id, s.region, s.interpretation_services IS NOT NULL, s.assured_date,
            ' ' || coalesce((SELECT group_concat(t.code, ' ' ORDER BY a.rowid) FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
                              WHERE a.link_id = s.id AND t.taxonomy_id = 'family-navigator-needs'), '') || ' '
       FROM service s WHERE s.id = `service_search`.`service_id`);
--> statement-breakpoint
ALTER TABLE `service_search_site` ADD `location_id` text NOT NULL DEFAULT '';
--> statement-breakpoint
DELETE FROM `service_search_site`;
--> statement-breakpoint
INSERT INTO `service_search_site` (`service_key`, `location_id`, `lat`, `lng`)
SELECT x.key, l.id, l.latitude, l.longitude
  FROM service_search x JOIN service_at_location sal ON sal.service_id = x.service_id JOIN location l ON l.id = sal.location_id
 WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
 ORDER BY x.key, sal.rowid;
--> statement-breakpoint
ALTER TABLE `service_search_area` ADD `name` text NOT NULL DEFAULT '';
--> statement-breakpoint
DELETE FROM `service_search_area`;
--> statement-breakpoint
INSERT INTO `service_search_area` (`service_key`, `name`, `south`, `west`, `north`, `east`)
SELECT x.key, a.name, a.south, a.west, a.north, a.east FROM service_search x JOIN service_area a ON a.service_id = x.service_id
 ORDER BY x.key, a.rowid;
--> statement-breakpoint
UPDATE `search_index_version` SET `version` = random();
