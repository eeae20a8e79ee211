CREATE TABLE `points_histogram` (
	`scope_key` text NOT NULL,
	`points` integer NOT NULL,
	`members` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`scope_key`, `points`)
);
--> statement-breakpoint
-- The histogram follows user_points row by row, whoever writes it (hand-written: drizzle-kit has no triggers).
CREATE TRIGGER `user_points_histogram_insert` AFTER INSERT ON `user_points`
BEGIN
	INSERT INTO `points_histogram` (`scope_key`, `points`, `members`) VALUES (NEW.`scope_key`, NEW.`points`, 1)
	ON CONFLICT (`scope_key`, `points`) DO UPDATE SET `members` = `members` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `user_points_histogram_update` AFTER UPDATE OF `scope_key`, `points` ON `user_points`
WHEN OLD.`points` <> NEW.`points` OR OLD.`scope_key` <> NEW.`scope_key`
BEGIN
	UPDATE `points_histogram` SET `members` = `members` - 1 WHERE `scope_key` = OLD.`scope_key` AND `points` = OLD.`points`;
	INSERT INTO `points_histogram` (`scope_key`, `points`, `members`) VALUES (NEW.`scope_key`, NEW.`points`, 1)
	ON CONFLICT (`scope_key`, `points`) DO UPDATE SET `members` = `members` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `user_points_histogram_delete` AFTER DELETE ON `user_points`
BEGIN
	UPDATE `points_histogram` SET `members` = `members` - 1 WHERE `scope_key` = OLD.`scope_key` AND `points` = OLD.`points`;
END;
--> statement-breakpoint
INSERT INTO `points_histogram` (`scope_key`, `points`, `members`)
SELECT `scope_key`, `points`, count(*) FROM `user_points` GROUP BY `scope_key`, `points`;
