CREATE TABLE `fleet_batches` (
	`station_id` text NOT NULL,
	`station_name` text NOT NULL,
	`batch_name` text NOT NULL,
	`state` text NOT NULL,
	`devices` integer NOT NULL,
	`created_by` text,
	`created_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`station_id`, `batch_name`)
);
--> statement-breakpoint
CREATE TABLE `fleet_requests_in` (
	`hub_id` integer PRIMARY KEY NOT NULL,
	`from_station_name` text NOT NULL,
	`batch_name` text NOT NULL,
	`action` text NOT NULL,
	`requested_by` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`handled_at` integer NOT NULL,
	`reported_at` integer,
	CONSTRAINT "fleet_requests_in_action_check" CHECK("fleet_requests_in"."action" in ('approve', 'reopen')),
	CONSTRAINT "fleet_requests_in_outcome_check" CHECK("fleet_requests_in"."outcome" in ('done', 'refused'))
);
--> statement-breakpoint
CREATE TABLE `fleet_requests_out` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_station_id` text NOT NULL,
	`to_station_name` text NOT NULL,
	`batch_name` text NOT NULL,
	`action` text NOT NULL,
	`customer_tenant_id` text,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`hub_id` integer,
	`sent_at` integer,
	`outcome` text,
	`reason` text,
	`answered_at` integer,
	CONSTRAINT "fleet_requests_out_action_check" CHECK("fleet_requests_out"."action" in ('approve', 'reopen')),
	CONSTRAINT "fleet_requests_out_outcome_check" CHECK("fleet_requests_out"."outcome" is null or "fleet_requests_out"."outcome" in ('done', 'refused'))
);
--> statement-breakpoint
CREATE INDEX `fleet_requests_out_batch` ON `fleet_requests_out` (`to_station_id`,`batch_name`,`seq`);