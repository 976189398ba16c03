-- CreateEnum
CREATE TYPE "FollowUpState" AS ENUM ('scheduled', 'asked', 'answered', 'unanswered', 'skipped');

-- CreateTable
CREATE TABLE "follow_up" (
    "case_id" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "state" "FollowUpState" NOT NULL DEFAULT 'scheduled',
    "job_queued_at" TIMESTAMP(3),
    "asked_at" TIMESTAMP(3),
    "answered_at" TIMESTAMP(3),
    "contribution" TEXT,
    "owner_words" TEXT,
    "new_issue" TEXT,
    "signal" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_up_pkey" PRIMARY KEY ("case_id","day")
);

-- CreateIndex
CREATE INDEX "follow_up_job_queued_at_idx" ON "follow_up"("job_queued_at");

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

