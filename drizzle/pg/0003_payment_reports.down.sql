DROP TABLE "payment_reports";
