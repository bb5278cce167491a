-- What a list of results shows of each service — names and descriptions in every language, the
-- organization, the first phone number, the sites with their names and cities — kept as one JSON
-- `card` in the service's search row. A page of results then reads one row per service, by key,
-- instead of joining eight tables for every request. Opening hours, needs, languages and cost are
-- already in the row; `languages` is rewritten in the order they were recorded, the order a result
-- lists them in. app/directory/search-index.server.ts writes the same for every reindexed service.
ALTER TABLE `service_search` ADD `card` text NOT NULL DEFAULT '{}';
--> statement-breakpoint
UPDATE `service_search`
   SET (`languages`, `card`) = (
     SELECT ' ' || coalesce((SELECT group_concat(l.code, ' ' ORDER BY l.rowid) FROM language l WHERE l.service_id = s.id), '') || ' ',
            json_object(
              'name', s.name,
              'description', s.description,
              'language', s.source_language,
              'organization', (SELECT o.name FROM organization o WHERE o.id = s.organization_id),
              'translations', (SELECT json_group_object(tr.language || ' ' || tr.field, tr.value ORDER BY tr.rowid) FROM translation tr
                                WHERE tr.entity = 'service' AND tr.entity_id = s.id AND tr.field IN ('name', 'description')),
              'phone', (SELECT p.number FROM phone p WHERE p.service_id = s.id ORDER BY p.rowid LIMIT 1),
              'sites', (SELECT json_group_array(json_array(l.id, l.latitude, l.longitude, l.name, coalesce(a.city, '')) ORDER BY sal.rowid)
                          FROM service_at_location sal JOIN location l ON l.id = sal.location_id LEFT JOIN address a ON a.location_id = l.id
                         WHERE sal.service_id = s.id AND l.latitude IS NOT NULL))
       FROM service s WHERE s.id = `service_search`.`service_id`);
--> statement-breakpoint
UPDATE `search_index_version` SET `version` = random();
