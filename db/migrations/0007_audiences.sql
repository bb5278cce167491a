-- Who a service is only for, where it takes one sex only (a mothers' group, a women's shelter, a
-- fathers' course): matching keeps such a service from those it does not take. The limit is an HSDS
-- attribute with an Open Eligibility "Gender" term (taxonomy `open-eligibility-gender`, codes
-- `women` and `men`); the search row carries it as `audience`, '' for everyone (also when a service
-- names both). app/directory/search-index.server.ts writes the same for every reindexed service.
-- The vocabulary comes with the schema, so that every database (seeded, imported, or seeded before
-- this migration) can tag services with it.
INSERT OR IGNORE INTO `taxonomy` (`id`, `name`, `description`, `version`)
VALUES ('open-eligibility-gender', 'Open Eligibility: Gender',
        'Who a service is only for, where it takes one sex only. Open Eligibility v2.0 situations.', '2.0');
--> statement-breakpoint
INSERT OR IGNORE INTO `taxonomy_term` (`id`, `code`, `name`, `description`, `taxonomy_id`, `language`, `term_uri`)
VALUES ('open-eligibility-gender:women', 'women', 'Women', '', 'open-eligibility-gender', 'en', 'open-eligibility:20036'),
       ('open-eligibility-gender:men', 'men', 'Men', '', 'open-eligibility-gender', 'en', 'open-eligibility:20037');
--> statement-breakpoint
ALTER TABLE `service_search` ADD `audience` text NOT NULL DEFAULT '';
--> statement-breakpoint
UPDATE `service_search`
   SET `audience` = coalesce((
     SELECT CASE WHEN count(DISTINCT t.code) = 1 THEN min(t.code) END
       FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
      WHERE a.link_id = `service_search`.`service_id` AND t.taxonomy_id = 'open-eligibility-gender'), '');
--> statement-breakpoint
UPDATE `search_index_version` SET `version` = random();
