ALTER TABLE `campaigns` DROP COLUMN `requirements`;
