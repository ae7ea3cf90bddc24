CREATE TABLE `fleet_operator_sync` (
	`name_key` text PRIMARY KEY NOT NULL,
	`pin_hash` text NOT NULL,
	`role` text NOT NULL,
	`active` integer NOT NULL,
	`change_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `fleet_pin_failures` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_key` text NOT NULL,
	`failed_at` integer NOT NULL,
	`pushed_at` integer
);
--> statement-breakpoint
CREATE INDEX `fleet_pin_failures_waiting` ON `fleet_pin_failures` (`seq`) WHERE "fleet_pin_failures"."pushed_at" is null;--> statement-breakpoint
CREATE TABLE `fleet_pin_unlocks` (
	`name_key` text PRIMARY KEY NOT NULL,
	`unlocked_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `fleet_link` ADD `operator_cursor` integer DEFAULT 0 NOT NULL;