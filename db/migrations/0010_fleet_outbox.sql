CREATE TABLE `fleet_identities` (
	`hub_id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`pkid` text,
	`serial` text,
	`manufacturer` text,
	`model` text,
	`hardware_hash_sha256` text,
	`station_name` text NOT NULL,
	`batch_name` text NOT NULL,
	`operator_name` text NOT NULL,
	`scanned_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fleet_identities_pkid` ON `fleet_identities` (`pkid`) WHERE "fleet_identities"."pkid" is not null;--> statement-breakpoint
CREATE INDEX `fleet_identities_hash` ON `fleet_identities` (`hardware_hash_sha256`) WHERE "fleet_identities"."hardware_hash_sha256" is not null;--> statement-breakpoint
CREATE INDEX `fleet_identities_tuple` ON `fleet_identities` (`serial`,`manufacturer`,`model`) WHERE "fleet_identities"."serial" is not null;--> statement-breakpoint
CREATE TABLE `fleet_link` (
	`id` integer PRIMARY KEY NOT NULL,
	`hub_url` text NOT NULL,
	`station_name` text NOT NULL,
	`joined_at` integer NOT NULL,
	`last_push_at` integer,
	`last_pull_at` integer,
	`last_error` text,
	`last_error_at` integer,
	`pull_cursor` integer DEFAULT 0 NOT NULL,
	`enqueued_device_id` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fleet_link_one_row" CHECK("fleet_link"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `fleet_outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	`verdict` text,
	`confirmed_at` integer,
	`first_station` text,
	`first_batch` text,
	`first_operator` text,
	`first_scanned_at` integer,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fleet_outbox_kind_check" CHECK("fleet_outbox"."kind" in ('pkid', 'hash', 'tuple')),
	CONSTRAINT "fleet_outbox_verdict_check" CHECK("fleet_outbox"."verdict" is null or "fleet_outbox"."verdict" in ('kept', 'duplicate'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fleet_outbox_device_kind` ON `fleet_outbox` (`device_id`,`kind`);--> statement-breakpoint
CREATE INDEX `fleet_outbox_waiting` ON `fleet_outbox` (`seq`) WHERE "fleet_outbox"."verdict" is null;