CREATE TABLE `address` (
	`id` text PRIMARY KEY NOT NULL,
	`location_id` text NOT NULL,
	`attention` text,
	`address_1` text NOT NULL,
	`address_2` text,
	`city` text NOT NULL,
	`region` text,
	`state_province` text NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`country` text NOT NULL,
	`address_type` text DEFAULT 'physical' NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `address_location_idx` ON `address` (`location_id`);--> statement-breakpoint
CREATE TABLE `attribute` (
	`id` text PRIMARY KEY NOT NULL,
	`link_id` text NOT NULL,
	`taxonomy_term_id` text NOT NULL,
	`link_type` text,
	`link_entity` text NOT NULL,
	`value` text,
	`label` text,
	FOREIGN KEY (`taxonomy_term_id`) REFERENCES `taxonomy_term`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attribute_link_idx` ON `attribute` (`link_id`);--> statement-breakpoint
CREATE INDEX `attribute_term_link_idx` ON `attribute` (`taxonomy_term_id`,`link_id`);--> statement-breakpoint
CREATE TABLE `cost_option` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`option` text,
	`currency` text,
	`amount` real,
	`amount_description` text,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cost_option_service_amount_idx` ON `cost_option` (`service_id`,`amount`);--> statement-breakpoint
CREATE TABLE `language` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text,
	`location_id` text,
	`name` text,
	`code` text NOT NULL,
	`note` text,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `language_service_code_idx` ON `language` (`service_id`,`code`);--> statement-breakpoint
CREATE INDEX `language_code_idx` ON `language` (`code`);--> statement-breakpoint
CREATE TABLE `location` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text,
	`location_type` text NOT NULL,
	`url` text,
	`name` text,
	`alternate_name` text,
	`description` text,
	`transportation` text,
	`latitude` real,
	`longitude` real,
	`time_zone` text NOT NULL,
	`source_language` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `location_organization_idx` ON `location` (`organization_id`);--> statement-breakpoint
CREATE TABLE `opening_interval` (
	`service_id` text NOT NULL,
	`time_zone` text NOT NULL,
	`start_minute` integer NOT NULL,
	`end_minute` integer NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `opening_interval_service_idx` ON `opening_interval` (`service_id`,`time_zone`,`start_minute`);--> statement-breakpoint
CREATE TABLE `organization` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`alternate_name` text,
	`description` text DEFAULT '' NOT NULL,
	`email` text,
	`website` text,
	`source_language` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `phone` (
	`id` text PRIMARY KEY NOT NULL,
	`location_id` text,
	`service_id` text,
	`organization_id` text,
	`number` text NOT NULL,
	`extension` text,
	`type` text,
	`description` text,
	FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `phone_service_idx` ON `phone` (`service_id`);--> statement-breakpoint
CREATE INDEX `phone_location_idx` ON `phone` (`location_id`);--> statement-breakpoint
CREATE TABLE `schedule` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text,
	`location_id` text,
	`service_at_location_id` text,
	`freq` text DEFAULT 'WEEKLY' NOT NULL,
	`byday` text NOT NULL,
	`opens_at` text NOT NULL,
	`closes_at` text NOT NULL,
	`description` text,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_at_location_id`) REFERENCES `service_at_location`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `schedule_service_idx` ON `schedule` (`service_id`);--> statement-breakpoint
CREATE INDEX `schedule_location_idx` ON `schedule` (`location_id`);--> statement-breakpoint
CREATE INDEX `schedule_service_at_location_idx` ON `schedule` (`service_at_location_id`);--> statement-breakpoint
CREATE TABLE `service` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`alternate_name` text,
	`description` text DEFAULT '' NOT NULL,
	`url` text,
	`email` text,
	`status` text DEFAULT 'active' NOT NULL,
	`interpretation_services` text,
	`application_process` text,
	`fees_description` text,
	`eligibility_description` text,
	`minimum_age` real,
	`maximum_age` real,
	`assured_date` text,
	`last_modified` text,
	`source_language` text NOT NULL,
	`region` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_organization_idx` ON `service` (`organization_id`);--> statement-breakpoint
CREATE INDEX `service_region_name_idx` ON `service` (`region`,`name`);--> statement-breakpoint
CREATE INDEX `service_name_idx` ON `service` (`name`);--> statement-breakpoint
CREATE TABLE `service_area` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`extent` text,
	`extent_type` text,
	`uri` text,
	`south` real NOT NULL,
	`west` real NOT NULL,
	`north` real NOT NULL,
	`east` real NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_area_service_idx` ON `service_area` (`service_id`);--> statement-breakpoint
CREATE INDEX `service_area_box_idx` ON `service_area` (`south`,`north`);--> statement-breakpoint
CREATE TABLE `service_at_location` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`location_id` text NOT NULL,
	`description` text,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_at_location_pair_idx` ON `service_at_location` (`service_id`,`location_id`);--> statement-breakpoint
CREATE INDEX `service_at_location_location_idx` ON `service_at_location` (`location_id`);--> statement-breakpoint
CREATE TABLE `taxonomy` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`uri` text,
	`version` text
);
--> statement-breakpoint
CREATE TABLE `taxonomy_term` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`parent_id` text,
	`taxonomy_id` text,
	`language` text,
	`term_uri` text,
	FOREIGN KEY (`taxonomy_id`) REFERENCES `taxonomy`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `taxonomy_term_code_idx` ON `taxonomy_term` (`taxonomy_id`,`code`);--> statement-breakpoint
CREATE TABLE `translation` (
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`field` text NOT NULL,
	`language` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`entity`, `entity_id`, `language`, `field`)
);
