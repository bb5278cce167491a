-- A printed results sheet gives each card's street address: the card's sites now carry their
-- physical address (street lines, postal code, state or province, country) besides name and city,
-- so a page of results still reads one row per service. Only the physical address is joined: a site
-- with a postal address as well used to appear twice. app/directory/search-index.server.ts writes
-- the same for every reindexed service.
UPDATE `service_search`
   SET `card` = json_set(`card`, '$.sites', (
     SELECT json_group_array(json_array(l.id, l.latitude, l.longitude, l.name, coalesce(a.city, ''),
                                        a.address_1, a.address_2, a.postal_code, a.state_province, a.country) ORDER BY sal.rowid)
       FROM service_at_location sal JOIN location l ON l.id = sal.location_id
       LEFT JOIN address a ON a.location_id = l.id AND a.address_type = 'physical'
      WHERE sal.service_id = `service_search`.`service_id` AND l.latitude IS NOT NULL));
--> statement-breakpoint
UPDATE `search_index_version` SET `version` = random();
