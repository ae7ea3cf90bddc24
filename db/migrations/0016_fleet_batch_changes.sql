CREATE TABLE `fleet_batch_changes` (
	`batch_id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);--> statement-breakpoint
-- Every batch counts as changed once, so the first push after this migration sends them all.
INSERT INTO `fleet_batch_changes` (`batch_id`) SELECT `id` FROM `batches`;--> statement-breakpoint
-- What the hub shows of a batch is its name, state, creator and live line count: any path that changes
-- one of them marks the batch, without knowing about the fleet.
CREATE TRIGGER `fleet_batch_added` AFTER INSERT ON `batches`
BEGIN
  INSERT INTO `fleet_batch_changes` (`batch_id`) VALUES (NEW.`id`) ON CONFLICT (`batch_id`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `fleet_batch_changed` AFTER UPDATE OF `name`, `state` ON `batches`
BEGIN
  INSERT INTO `fleet_batch_changes` (`batch_id`) VALUES (NEW.`id`) ON CONFLICT (`batch_id`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `fleet_batch_line_added` AFTER INSERT ON `devices`
BEGIN
  INSERT INTO `fleet_batch_changes` (`batch_id`) VALUES (NEW.`batch_id`) ON CONFLICT (`batch_id`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `fleet_batch_line_changed` AFTER UPDATE OF `removed_at`, `batch_id` ON `devices`
BEGIN
  INSERT INTO `fleet_batch_changes` (`batch_id`) VALUES (NEW.`batch_id`) ON CONFLICT (`batch_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fleet_batch_changes` (`batch_id`) VALUES (OLD.`batch_id`) ON CONFLICT (`batch_id`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `fleet_batch_line_deleted` AFTER DELETE ON `devices`
BEGIN
  INSERT INTO `fleet_batch_changes` (`batch_id`) VALUES (OLD.`batch_id`) ON CONFLICT (`batch_id`) DO UPDATE SET `version` = `version` + 1;
END;
