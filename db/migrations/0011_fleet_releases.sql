ALTER TABLE `fleet_link` ADD `release_cursor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `fleet_outbox` ADD `released_at` integer;