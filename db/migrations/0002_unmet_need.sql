CREATE TABLE `unmet_need` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`need` text NOT NULL,
	`region` text NOT NULL,
	`language` text NOT NULL,
	`caregiver_role` text,
	`recorded_on` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `unmet_need_report_idx` ON `unmet_need` (`region`,`need`,`recorded_on`);