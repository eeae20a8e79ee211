ALTER TABLE "campaigns" ADD COLUMN "requirements" jsonb;
