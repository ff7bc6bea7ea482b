CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"version" bigint NOT NULL,
	"clocks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"centre_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"learner_id" uuid,
	"unit" text DEFAULT '' NOT NULL,
	"level" text NOT NULL,
	"received_date" date NOT NULL,
	"decision_date" date,
	"outcome" text NOT NULL,
	"decision_ref" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_centre_version" ON "dossiers" USING btree ("centre_id","version");