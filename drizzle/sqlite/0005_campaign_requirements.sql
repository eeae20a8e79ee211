ALTER TABLE `campaigns` ADD `requirements` text;
